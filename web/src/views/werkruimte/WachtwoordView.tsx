import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '@gka/shared';
import { sendJson } from '../../api/werkruimte.ts';
import { usePageTitle } from '../../lib/page.ts';

/** Choosing a password through the one-time link the beheerder's CLI printed (the token is in the #fragment, so it reaches no server log). */
export function WachtwoordView() {
  usePageTitle('Wachtwoord kiezen');
  const token = typeof window === 'undefined' ? '' : window.location.hash.slice(1);
  const [wachtwoord, setWachtwoord] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: boolean }>({});
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (wachtwoord !== herhaling) return setState({ error: 'De twee wachtwoorden zijn niet gelijk' });
    setState({ busy: true });
    sendJson('POST', 'wachtwoord', { token, wachtwoord }, null).then(
      () => setState({ done: true }),
      (err: unknown) => setState({ error: err instanceof Error ? err.message : String(err) }),
    );
  };
  if (!token)
    return (
      <>
        <h1>Wachtwoord kiezen</h1>
        <p className="status status--error">Deze pagina werkt alleen met de link die je van de beheerder kreeg.</p>
      </>
    );
  return (
    <>
      <h1>Wachtwoord kiezen</h1>
      {state.done ? (
        <p className="status">
          Je wachtwoord is ingesteld. <Link to="/inloggen">Log nu in</Link>.
        </p>
      ) : (
        <form className="filters filters--stacked form" onSubmit={submit}>
          <p className="hint">
            Ten minste {MIN_PASSWORD_LENGTH} tekens; een zin van een paar woorden is sterk en goed te onthouden. Bekende wachtwoorden worden geweigerd.
          </p>
          <div className="field">
            <label htmlFor={`${id}-1`}>Nieuw wachtwoord</label>
            <input
              id={`${id}-1`}
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              required
              value={wachtwoord}
              onChange={(e) => setWachtwoord(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-2`}>Herhaal het wachtwoord</label>
            <input id={`${id}-2`} type="password" autoComplete="new-password" required value={herhaling} onChange={(e) => setHerhaling(e.target.value)} />
          </div>
          {state.error && (
            <p className="status status--error" role="alert">
              {state.error}
            </p>
          )}
          <p>
            <button type="submit" className="button" disabled={state.busy}>
              Wachtwoord instellen
            </button>
          </p>
        </form>
      )}
    </>
  );
}
