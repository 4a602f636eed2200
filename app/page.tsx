export default function Home() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 p-6">
      <h1 className="text-3xl font-semibold">Agora Calls</h1>
      <p className="text-slate-300">The token API is running. The call client arrives next.</p>
    </main>
  );
}
