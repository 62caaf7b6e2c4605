import { ImportButton } from './import/ImportButton';
import { ExportMenu } from './export/ExportMenu';
import { OpenLinkButton } from './OpenLink';
import { IndicatorsButton } from './indicators/IndicatorsButton';

/** The top bar's feature buttons; each feature owns its component. */
export function ToolbarActions() {
  return (
    <div className="toolbar-actions">
      <ImportButton />
      <OpenLinkButton />
      <ExportMenu />
      <IndicatorsButton />
    </div>
  );
}
