import { LandingForm } from '@/components/landing/landing-form';
import { ServerStatus } from '@/components/landing/server-status';

export default function Home() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center gap-8 p-6">
      <div className="flex flex-col gap-3">
        <ServerStatus />
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Video calls, one name away.</h1>
        <p className="text-lg text-slate-300">
          Type a channel name and talk. Share the link; whoever opens it joins you. Access tokens are issued and renewed
          for you.
        </p>
      </div>
      <LandingForm />
    </main>
  );
}
