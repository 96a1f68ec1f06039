import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './shared/i18n.ts';
import './shared/styles.css';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
