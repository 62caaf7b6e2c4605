/** The top bar's feature buttons (import, export, open a link); each feature owns its component. */
export function ToolbarActions() {
  return <div className="toolbar-actions" />;
}
