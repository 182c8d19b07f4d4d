// A labelled input whose errors are announced and tied to it (aria-describedby).
export function Field({
  name,
  label,
  errors,
  ...input
}: { name: string; label: string; errors?: string[] } & React.InputHTMLAttributes<HTMLInputElement>) {
  const errorId = `${name}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium text-zinc-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="h-9 rounded border border-zinc-300 bg-white px-2.5 text-sm focus:border-indigo-500 aria-invalid:border-red-500"
        {...input}
      />
      <div id={errorId} aria-live="polite">
        {errors?.map((error) => (
          <p key={error} className="text-xs text-red-600">
            {label} {error}
          </p>
        ))}
      </div>
    </div>
  );
}

export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status === "idle" || !state.message) return <div aria-live="polite" />;
  const tone = state.status === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800";
  return (
    <div aria-live="polite" role={state.status === "error" ? "alert" : "status"} className={`rounded border px-3 py-2 text-sm ${tone}`}>
      {state.message}
    </div>
  );
}

export function PrimaryButton({ children, pending, ...rest }: { pending?: boolean } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="h-9 rounded bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      {...rest}
    >
      {children}
    </button>
  );
}
