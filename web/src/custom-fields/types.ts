export type FieldEntity = 'case' | 'customer' | 'organisation';
export type FieldType = 'text' | 'number' | 'date' | 'yes_no' | 'one_of' | 'several_of';

export interface FieldDefinition {
  id: string;
  entity: FieldEntity;
  key: string;
  label_nl: string;
  label_en: string;
  type: FieldType;
  options: string[];
  required_on_solve: boolean;
}
