import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../shared/types.ts';

export interface PermissionInfo { name: string; role: Role; description: string }
export interface CustomRole { id: string; name: string; description: string; permissions: string[]; agent_ids: string[] }
export interface RoleDraft { name: string; description: string; permissions: string[] }

/**
 * Compose a role from the permission names, grouped by the built-in role that holds them (what every
 * agent may do is not offered: a custom role only adds). Each is a checkbox with its description.
 */
export function RoleEditor({ role, permissions, onSave, onCancel }: {
  role: CustomRole | null;
  permissions: PermissionInfo[];
  onSave: (draft: RoleDraft) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [picked, setPicked] = useState<Set<string>>(new Set(role?.permissions ?? []));
  const [nameMissing, setNameMissing] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const toggle = (p: string) => setPicked((s) => {
    const next = new Set(s);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    return next;
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      nameRef.current?.focus();
      return;
    }
    // names the screen does not offer (every agent's own, set through the API) are kept as they were
    const kept = (role?.permissions ?? []).filter((p) => !permissions.some((x) => x.name === p && x.role !== 'agent'));
    await onSave({ name: name.trim(), description: description.trim(), permissions: [...kept, ...permissions.filter((p) => picked.has(p.name)).map((p) => p.name)] });
  };
  const group = (level: 'supervisor' | 'admin', legend: string) => (
    <fieldset>
      <legend>{legend}</legend>
      {permissions.filter((p) => p.role === level).map((p) => {
        const id = `perm-${p.name.replace(/[^a-z_]/g, '-')}`;
        return (
          <div className="field checkbox" key={p.name}>
            <input type="checkbox" id={id} checked={picked.has(p.name)} onChange={() => toggle(p.name)} aria-describedby={`${id}-name`} />
            <label htmlFor={id}>{t(`roles.perm.${p.name}`, { defaultValue: p.description })}</label>
            <code id={`${id}-name`} className="muted">{p.name}</code>
          </div>
        );
      })}
    </fieldset>
  );

  return (
    <form className="card role-editor" onSubmit={submit} aria-labelledby="role-editor-title" noValidate>
      <h2 id="role-editor-title" tabIndex={-1} ref={titleRef}>{role ? t('roles.editorEdit', { name: role.name }) : t('roles.editorNew')}</h2>
      <div className="field">
        <label htmlFor="role-name">{t('roles.name')}</label>
        <input id="role-name" ref={nameRef} value={name} maxLength={100} required aria-invalid={nameMissing || undefined}
          aria-describedby={nameMissing ? 'role-name-error' : undefined} onChange={(e) => { setName(e.target.value); setNameMissing(false); }} />
        {nameMissing && <p id="role-name-error" className="error">{t('roles.nameMissing')}</p>}
      </div>
      <div className="field">
        <label htmlFor="role-description">{t('roles.description')}</label>
        <input id="role-description" value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <h3>{t('roles.pick')}</h3>
      <p className="muted">{t('roles.pickHint')}</p>
      {group('supervisor', t('roles.groupSupervisor'))}
      {group('admin', t('roles.groupAdmin'))}
      <div className="actions">
        <button type="submit" className="button primary">{t('roles.save')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('roles.cancel')}</button>
      </div>
    </form>
  );
}
