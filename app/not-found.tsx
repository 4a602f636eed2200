import { primaryAction, StatusScreen } from '@/components/ui/status-screen';

// A plain link, not next/link: every page carries the not-found boundary, and the landing page's
// JavaScript budget has no room for the router's Link component.
export default function NotFound() {
  return (
    <StatusScreen
      title="There is nothing here"
      actions={
        // eslint-disable-next-line @next/next/no-html-link-for-pages -- see above
        <a href="/" className={primaryAction}>
          Start or join a call
        </a>
      }
    >
      <p>This address is not a page of this app. A call link looks like /call/your-channel-name.</p>
    </StatusScreen>
  );
}
