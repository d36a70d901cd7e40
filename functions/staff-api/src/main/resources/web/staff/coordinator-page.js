// What the coordinators' pages (reports, audit trail) share: which of the member's sites they show, and how staff
// who coordinate none are told the page is not theirs. The page's HTML has #main, #site-name, #site-choice in
// #site-choice-label, and #not-coordinator with #not-coordinator-text.
import { api } from './session.js';
import { offerSites, say } from './ui.js';

/**
 * {@code refusal} is said after the server's reason (e.g. "Reports are for a site's coordinators: ask yours.");
 * {@code storeKey} remembers the site last shown; {@code choose(siteId)} shows a site; {@code signedOut()} clears
 * the page's own parts.
 */
export function coordinatorPage({ refusal, storeKey, choose, signedOut }) {
  const $ = (id) => document.getElementById(id);
  const el = {
    main: $('main'), siteName: $('site-name'), siteChoice: $('site-choice'), siteChoiceLabel: $('site-choice-label'),
    notCoordinator: $('not-coordinator'), notCoordinatorText: $('not-coordinator-text')
  };
  const page = { me: null, siteId: null };
  let reading = 0;

  page.siteName = (id) => {
    const site = ((page.me && page.me.sites) || []).find((s) => s.id === id);
    return site ? site.name : id;
  };

  page.refuse = (message) => {
    el.main.hidden = true;
    el.notCoordinator.hidden = false;
    el.notCoordinatorText.textContent = message + ' ' + refusal;
    document.title = 'Only for coordinators – Vuoro';
  };

  page.signedIn = (me) => {
    page.me = me;
    const coordinated = (me.coordinatorOf || []).map((id) => ({ id: id, name: page.siteName(id) }));
    // Staff who coordinate no site still ask for their own site: the server says why they may not read it.
    const sites = coordinated.length ? coordinated : (me.sites || []);
    if (!sites.length) {
      page.refuse('You are signed in as ' + me.username + ', who belongs to no site.');
      return;
    }
    const asked = new URLSearchParams(location.search).get('site');
    el.notCoordinator.hidden = true;
    el.main.hidden = false;
    page.show(offerSites(el.siteChoice, el.siteChoiceLabel, sites,
      sites.some((s) => s.id === asked) ? asked : localStorage.getItem(storeKey)));
  };

  page.show = (siteId) => {
    page.siteId = siteId;
    el.siteName.textContent = page.siteName(siteId);
    choose(siteId);
  };

  page.signedOut = () => {
    el.main.hidden = true;
    el.notCoordinator.hidden = true;
    el.siteName.textContent = '';
    signedOut();
  };

  /**
   * Reads the site's JSON at {@code path} and gives it to {@code shown}, unless a later read started meanwhile; a
   * refusal shows the page is not theirs, a refused parameter is said at {@code formError}.
   */
  page.read = async (path, { busy, formError, shown }) => {
    const ticket = ++reading;
    busy.setAttribute('aria-busy', 'true');
    try {
      const json = await (await api('GET', path)).json();
      if (ticket === reading) {
        shown(json);
        localStorage.setItem(storeKey, page.siteId);
      }
    } catch (e) {
      if (ticket !== reading || e.status === 401) {
        return;
      }
      if (e.status === 403) {
        page.refuse(e.message + '.');
      } else if (e.status === 400) {
        formError.textContent = e.message;
      } else {
        say(e.message, 'error');
      }
    } finally {
      busy.setAttribute('aria-busy', 'false');
    }
  };

  el.siteChoice.addEventListener('change', () => page.show(el.siteChoice.value));
  return page;
}
