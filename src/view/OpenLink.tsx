import { useState } from 'react';
import { useAtlas } from '../app/context';

/** "Open link": any supported file by URL (papers, a snapshot, GEXF, GraphML, VOSviewer JSON). */
export function OpenLinkButton() {
  const { openLink } = useAtlas();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  return (
    <div className="popover-anchor">
      <button type="button" className="toolbar-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Open link
      </button>
      {open && (
        <form
          className="popover"
          aria-label="Open a file by link"
          onSubmit={(e) => {
            e.preventDefault();
            if (!link.trim()) return;
            openLink(link.trim());
            setOpen(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <label>
            Link to a paper list, snapshot, GEXF, GraphML or VOSviewer JSON file
            <input
              type="url"
              required
              autoFocus
              value={link}
              onChange={(e) => setLink(e.target.value)}
              placeholder="https://…/network.gexf"
              aria-label="Link to open"
            />
          </label>
          <p className="muted small">The host must allow other sites to read the file (CORS). The link stays in the address bar, so the page can be shared.</p>
          <button type="submit">Open</button>
        </form>
      )}
    </div>
  );
}
