export { BIDI_CONTROLS, capLength, cleanDisplayText, DISPLAY_LIMITS, ELLIPSIS, hasBidiControls } from './text';
export { isScholarlyLink, safeHttpUrl } from './url';
export { contentSecurityPolicy, CSP_DIRECTIVES } from './csp';
