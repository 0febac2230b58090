import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-8 text-center">
      <h1 className="text-2xl font-semibold">404</h1>
      <p className="text-ink-muted">Страница не найдена · Page not found</p>
      <Link className="btn-primary" href="/ru/dashboard">InfraZen</Link>
    </main>
  );
}
