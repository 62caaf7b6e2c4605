// First: narrows the network reads the page allows (see src/security/connectPolicy.ts).
import './security/bootPolicy';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@react-sigma/core/lib/style.css';
import './styles.css';
import { App } from './app/App';
import { ErrorBoundary } from './view/ErrorBoundary';
import { DensityProvider } from './view/density/densityContext';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <DensityProvider>
        <App />
      </DensityProvider>
    </ErrorBoundary>
  </StrictMode>,
);
