import Link from 'next/link';
import { primaryAction, StatusScreen } from '@/components/status-screen';

export default function NotFound() {
  return (
    <StatusScreen
      title="There is nothing here"
      actions={
        <Link href="/" className={primaryAction}>
          Start or join a call
        </Link>
      }
    >
      <p>This address is not a page of this app. A call link looks like /call/your-channel-name.</p>
    </StatusScreen>
  );
}
