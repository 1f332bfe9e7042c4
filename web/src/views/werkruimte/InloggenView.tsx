import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { OIDC_ERRORS, SignInOptions } from '@gka/shared';
import { apiUrl, getJson } from '../../api/client.ts';
import { queryKeys } from '../../api/keys.ts';
import { useMe, useSignIn } from '../../api/werkruimte.ts';
import { usePageTitle } from '../../lib/page.ts';

/** Only a path of this site to return to: never another site (an open redirect). */
export function safeReturnPath(terug: string | null): string {
  return terug && /^\/(?![/\\])/.test(terug) ? terug : '/';
}

/** Sign-in to the werkruimte; the public dashboard needs none. */
export function InloggenView() {
  usePageTitle('Inloggen');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const options = useQuery({ queryKey: queryKeys.signInOptions(), queryFn: ({ signal }) => getJson(apiUrl('sessie/opties'), SignInOptions, signal) });
  const terug = safeReturnPath(params.get('terug'));
  // Only a known code: a link cannot put words on this page.
  const fout = params.get('fout');
  const oidcError = fout && Object.hasOwn(OIDC_ERRORS, fout) ? OIDC_ERRORS[fout as keyof typeof OIDC_ERRORS] : null;
  const [email, setEmail] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const emailId = useId();
  const passwordId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, wachtwoord }, { onSuccess: () => void navigate(terug) });
  };
  return (
    <>
      <h1>Inloggen in de werkruimte</h1>
      <p className="hint">
        De cijfers van het dashboard zijn openbaar. De werkruimte, met duiding, gesprekken, afspraken en interventies per gemeente, is voor regiocoördinatoren
        en gemeenten met een account.
      </p>
      {me.data ? (
        <p className="status">
          Je bent ingelogd als {me.data.email}. <Link to="/gemeente">Naar een gemeente</Link>
        </p>
      ) : (
        <>
          {oidcError && (
            <p className="status status--error" role="alert">
              {oidcError}
            </p>
          )}
          {options.data?.oidc && (
            <p>
              <a className="button" href={apiUrl('sessie/oidc', { terug })}>
                Inloggen via je organisatie
              </a>
            </p>
          )}
          <form className="filters filters--stacked form" onSubmit={submit} aria-label="Inlogformulier">
            <div className="field">
              <label htmlFor={emailId}>E-mailadres</label>
              <input id={emailId} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={passwordId}>Wachtwoord</label>
              <input
                id={passwordId}
                type="password"
                autoComplete="current-password"
                required
                value={wachtwoord}
                onChange={(e) => setWachtwoord(e.target.value)}
              />
            </div>
            {signIn.error && (
              <p className="status status--error" role="alert">
                {signIn.error.message}
              </p>
            )}
            <p>
              <button type="submit" className="button" disabled={signIn.isPending}>
                {signIn.isPending ? 'Bezig met inloggen…' : 'Inloggen'}
              </button>
            </p>
          </form>
        </>
      )}
    </>
  );
}
