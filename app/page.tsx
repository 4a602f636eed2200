import { LandingForm } from '@/components/landing-form';

type Props = { searchParams: Promise<{ link?: string }> };

export default async function Home({ searchParams }: Props) {
  const { link } = await searchParams;
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center gap-8 p-6">
      <div className="flex flex-col gap-3">
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Video calls, one name away.</h1>
        <p className="text-lg text-slate-300">Type a channel name and talk. Share the link; whoever opens it joins you. Access tokens are issued and renewed for you.</p>
      </div>
      {link === 'broken' && (
        <p role="alert" className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-amber-200">
          That call link was damaged in transit. Type the channel name again below.
        </p>
      )}
      <LandingForm />
    </main>
  );
}
