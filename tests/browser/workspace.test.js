// workspace.test.js - the review workspace in a real browser: Debian's
// Chromium driven by Playwright (playwright-core, nothing downloaded),
// against `medloc serve` on a loopback port, on a project made from the
// corpus by project.sh. Every check asserts on the page a person sees and
// on `medloc status --json`, the command line's view of the same project.
//
// Environment: MEDLOC (the medloc binary), MEDLOC_WORK (a folder of its
// own), MEDLOC_SCREENSHOTS (where review.png and dashboard.png go),
// CHROMIUM (default /usr/bin/chromium); NODE_PATH finds playwright-core.
'use strict';
const assert = require('node:assert/strict');
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const medloc = process.env.MEDLOC;
const work = process.env.MEDLOC_WORK;
const shots = process.env.MEDLOC_SCREENSHOTS;
const db = path.join(work, 'workspace.db');
const passphrase = (id) => `browser passphrase of ${id}`;

function run(args) {
  return execFileSync(medloc, ['--db', db, ...args], { encoding: 'utf8' });
}
function status() {
  return JSON.parse(run(['status', '--json']));
}
function documentStates(doc, locale) {
  return status().documents.find((d) => d.id === doc).locales[locale];
}
function failedAttempts() {
  return Number(execFileSync('sqlite3', [db, 'SELECT count(*) FROM failed_attempt'], { encoding: 'utf8' }).trim());
}

async function startServer() {
  const server = spawn(medloc, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      process.stdout.write(chunk);
      const match = seen.match(/is at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`medloc serve exited with ${code}`)));
    setTimeout(() => reject(new Error('medloc serve did not start in 20 s')), 20000);
  });
  return { server, address };
}

async function signIn(page, address, id, secret = passphrase(id)) {
  await page.goto(address + 'signin');
  await page.fill('#person', id);
  await page.fill('#passphrase', secret);
  await Promise.all([page.waitForNavigation(), page.click('form.signin button[type=submit]')]);
}

async function signOut(page) {
  await Promise.all([page.waitForNavigation(), page.click('header.top form button')]);
}

async function openReview(page, address, doc, locale) {
  await page.goto(`${address}review?doc=${encodeURIComponent(doc)}&locale=${encodeURIComponent(locale)}`);
}

// The n-th segment row (from 0) of the review page.
function row(page, n) {
  return page.locator('table.review tr[data-segment]').nth(n);
}

const checks = [];
function check(name, body) {
  checks.push({ name, body });
}

check('without a session, every page sends the visitor to sign in', async ({ page, address }) => {
  await page.goto(address);
  assert.equal(new URL(page.url()).pathname, '/signin');
  await page.goto(address + 'review?doc=amps-children.txt&locale=es-US');
  assert.equal(new URL(page.url()).pathname, '/signin');
  assert.equal(await page.locator('table.review').count(), 0);
});

check('a wrong passphrase is refused and the failed sign-in recorded', async ({ page, address }) => {
  const before = failedAttempts();
  await signIn(page, address, 'carla', 'not the passphrase');
  assert.equal(new URL(page.url()).pathname, '/signin');
  assert.match(await page.locator('.notice.refused').innerText(), /Sign-in refused.*failed attempt is recorded/s);
  assert.equal(failedAttempts(), before + 1);
});

check("the dashboard's figures are those of medloc status --json", async ({ page, address }) => {
  await signIn(page, address, 'carla');
  assert.equal(new URL(page.url()).pathname, '/');
  const json = status();
  for (const [locale, totals] of Object.entries(json.locales)) {
    const card = page.locator(`section.locale[data-locale="${locale}"]`);
    assert.equal(await card.getAttribute('data-ready'), String(totals.ready), `${locale} ready`);
    const figure = async (selector) => Number(await card.locator(`${selector} dd`).innerText());
    for (const key of ['documents', 'ready_documents', 'segments', 'words', 'stale', 'qa_errors'])
      assert.equal(await figure(`[data-count="${key}"]`), totals[key], `${locale} ${key}`);
    for (const [state, count] of Object.entries(totals.states))
      assert.equal(Number(await card.locator(`li[data-state="${state}"] strong`).innerText()), count, `${locale} ${state}`);
    for (const [standing, count] of Object.entries(totals.reviews))
      assert.equal(await figure(`[data-review="${standing}"]`), count, `${locale} reviews ${standing}`);
  }
  assert.equal(await page.locator('table.documents tbody tr').count(), json.documents.length);
  await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });
});

check('a QA error is highlighted in the text and listed under it', async ({ page, address }) => {
  await openReview(page, address, 'fever-acetaminophen-dosing.txt', 'es-US');
  const flagged = page.locator('table.review tr[data-segment]', { has: page.locator('li.error') });
  assert.ok((await flagged.count()) >= 1);
  const first = flagged.first();
  assert.ok((await first.locator('mark.qa-error').count()) >= 1);
  assert.match(await first.locator('mark.qa-error').first().innerText(), /160/);
  assert.match(await first.locator('li.error').first().innerText(), /QA error/);
  assert.equal(await page.locator('[data-count="qa_errors"]').first().innerText(), String(documentStates('fever-acetaminophen-dosing.txt', 'es-US').qa_errors));
});

check('a target holding <script> and " onmouseover= is shown as text', async ({ page, address }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs += 1; dialog.dismiss(); });
  await openReview(page, address, 'amps-children.txt', 'es-US');
  const target = row(page, 0).locator('td.target');
  assert.match(await target.innerText(), /<script>alert\(1\)<\/script> " onmouseover="alert\(2\)/);
  assert.equal(await page.locator('main script').count(), 0);
  assert.equal(await page.locator('[onmouseover]').count(), 0);
  await target.hover();
  assert.equal(dialogs, 0);
});

check('the source and target are shown as read: lang, and dir="rtl" for Arabic', async ({ page, address }) => {
  await openReview(page, address, 'amps-children.txt', 'ar');
  assert.equal(await row(page, 1).locator('td.target').getAttribute('dir'), 'rtl');
  assert.equal(await row(page, 1).locator('td.target').getAttribute('lang'), 'ar');
  assert.equal(await row(page, 1).locator('td.source').getAttribute('dir'), 'ltr');
});

check('approving a segment shows the manifestation, asks the passphrase again, and records the signature', async ({ page, address }) => {
  const before = documentStates('amps-children.txt', 'es-US');
  await openReview(page, address, 'amps-children.txt', 'es-US');
  const segment = await row(page, 1).getAttribute('data-segment');
  await Promise.all([page.waitForNavigation(), row(page, 1).locator('a[data-act=approve]').click()]);
  const manifest = page.locator('section.manifestation');
  assert.equal(await manifest.locator('[data-field=name]').innerText(), 'Dr. Carla Chen');
  assert.equal(await manifest.locator('[data-field=role]').innerText(), 'clinical');
  assert.equal(await manifest.locator('[data-field=meaning]').innerText(), 'approved for clinical accuracy');
  assert.match(await manifest.locator('[data-field=time]').innerText(), /UTC.*\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);

  // A wrong passphrase: refused, recorded, nothing changed.
  const attempts = failedAttempts();
  await page.fill('#passphrase', 'wrong passphrase');
  await Promise.all([page.waitForNavigation(), page.click('form.sign button[type=submit]')]);
  assert.match(await page.locator('.notice.refused').innerText(), /passphrase.*Nothing was changed/s);
  assert.equal(failedAttempts(), attempts + 1);
  assert.deepEqual(documentStates('amps-children.txt', 'es-US'), before);

  await page.fill('#passphrase', passphrase('carla'));
  await Promise.all([page.waitForNavigation(), page.click('form.sign button[type=submit]')]);
  const recorded = page.locator('section.recorded');
  assert.equal(await recorded.locator('[data-field=name]').innerText(), 'Dr. Carla Chen');
  assert.equal(await recorded.locator('[data-field=meaning]').innerText(), 'approved for clinical accuracy');
  assert.match(await recorded.locator('[data-field=entry]').innerText(), /#\d+, hash [0-9a-f]{64}/);
  const after = documentStates('amps-children.txt', 'es-US');
  assert.equal(after.approved, before.approved + 1);
  assert.equal(after.revised, before.revised - 1);
  const history = JSON.parse(run(['history', '--segment', segment, '--locale', 'es-US', '--json']));
  assert.match(JSON.stringify(history), /Dr\. Carla Chen/);
});

check('rejecting with a comment sends the segment back, and its history shows why', async ({ page, address }) => {
  const before = documentStates('amps-children.txt', 'es-US');
  await openReview(page, address, 'amps-children.txt', 'es-US');
  await Promise.all([page.waitForNavigation(), row(page, 2).locator('a[data-act=reject]').click()]);
  await page.fill('#comment', 'The heading lost its meaning: say what the pain is.');
  await page.fill('#passphrase', passphrase('carla'));
  await Promise.all([page.waitForNavigation(), page.click('form.sign button[type=submit]')]);
  assert.equal(await page.locator('section.recorded [data-field=meaning]').innerText(), 'rejected');
  const after = documentStates('amps-children.txt', 'es-US');
  assert.equal(after['needs-translation'], before['needs-translation'] + 1);
  await openReview(page, address, 'amps-children.txt', 'es-US');
  assert.equal(await row(page, 2).getAttribute('data-state'), 'needs-translation');
  await page.locator('table.review tbody.segment').nth(2).locator('details.history summary').click();
  await page.locator('table.review tbody.segment').nth(2).locator('details.history table').waitFor();
  assert.match(await page.locator('table.review tbody.segment').nth(2).locator('details.history').innerText(), /The heading lost its meaning/);
  await page.screenshot({ path: path.join(shots, 'review.png'), fullPage: false });
});

check('a signature is refused when the segment changed after it was shown', async ({ page, address }) => {
  await openReview(page, address, 'amps-children.txt', 'es-US');
  const segment = await row(page, 3).getAttribute('data-segment');
  await Promise.all([page.waitForNavigation(), row(page, 3).locator('a[data-act=approve]').click()]);
  run(['review', 'reject', '--locale', 'es-US', '--segment', segment, '--comment', 'Meanwhile, elsewhere',
       '--as', 'ben', '--password-file', path.join(work, 'ben.passphrase')]);
  const before = documentStates('amps-children.txt', 'es-US');
  await page.fill('#passphrase', passphrase('carla'));
  await Promise.all([page.waitForNavigation(), page.click('form.sign button[type=submit]')]);
  assert.match(await page.locator('.notice.refused').innerText(), /changed in es-US since it was shown to you/);
  assert.deepEqual(documentStates('amps-children.txt', 'es-US'), before);
});

check('a clinician waives a QA error with a reason, and it no longer blocks', async ({ page, address }) => {
  const before = documentStates('fever-acetaminophen-dosing.txt', 'es-US');
  assert.ok(before.qa_errors >= 1);
  await openReview(page, address, 'fever-acetaminophen-dosing.txt', 'es-US');
  const flagged = page.locator('table.review tr[data-segment]', { has: page.locator('li.error') }).first();
  await Promise.all([page.waitForNavigation(), flagged.locator('a[data-act=waive]').click()]);
  assert.equal(await page.locator('section.manifestation [data-field=meaning]').innerText(), 'waived');
  await page.fill('#comment', 'Checked against the label: the pseudo-translation keeps 16 mg on purpose.');
  await page.fill('#passphrase', passphrase('carla'));
  await Promise.all([page.waitForNavigation(), page.click('form.sign button[type=submit]')]);
  assert.equal(await page.locator('section.recorded [data-field=meaning]').innerText(), 'waived');
  assert.equal(documentStates('fever-acetaminophen-dosing.txt', 'es-US').qa_errors, before.qa_errors - 1);
});

check('a form posted without its form token (CSRF) is refused', async ({ page, address }) => {
  await openReview(page, address, 'amps-children.txt', 'es-US');
  const segment = await row(page, 4).getAttribute('data-segment');
  const before = documentStates('amps-children.txt', 'es-US');
  for (const csrf of [undefined, 'f'.repeat(64)]) {
    const form = { act: 'approve', locale: 'es-US', doc: 'amps-children.txt', segment, shown: 'x', passphrase: passphrase('carla') };
    if (csrf) form.csrf = csrf;
    const response = await page.request.post(address + 'sign', { form, maxRedirects: 0 });
    assert.equal(response.status(), 403);
    assert.match(await response.text(), /form token is missing or wrong/);
  }
  assert.deepEqual(documentStates('amps-children.txt', 'es-US'), before);
});

check('the translator approving her own work sees the refusal, and nothing changes', async ({ page, address }) => {
  await signOut(page);
  await signIn(page, address, 'dan');
  const before = documentStates('asthma-action-plan.txt', 'es-US');
  const log = run(['history', '--doc', 'asthma-action-plan.txt', '--json']);
  await openReview(page, address, 'asthma-action-plan.txt', 'es-US');
  await Promise.all([page.waitForNavigation(), row(page, 0).locator('a[data-act=approve]').click()]);
  await page.fill('#passphrase', passphrase('dan'));
  await Promise.all([page.waitForNavigation(), page.click('form.sign button[type=submit]')]);
  assert.match(await page.locator('.notice.refused').innerText(), /Dan Dunn translated it; the clinical approver must be someone else.*Nothing was changed/s);
  assert.deepEqual(documentStates('asthma-action-plan.txt', 'es-US'), before);
  assert.equal(run(['history', '--doc', 'asthma-action-plan.txt', '--json']), log);
});

check('the document sign-off is offered under the whole document only, and records the clinical review', async ({ page, address }) => {
  await signOut(page);
  await signIn(page, address, 'carla');
  assert.equal(await page.locator('#signoff').count(), 0);
  await openReview(page, address, 'asthma-action-plan.txt', 'es-US');
  assert.equal(await page.locator('table.review tr[data-segment]').count(), documentStates('asthma-action-plan.txt', 'es-US').revised);
  await Promise.all([page.waitForNavigation(), page.click('#signoff button[type=submit]')]);
  assert.equal(await page.locator('#signoff').count(), 0);
  assert.match(await page.locator('section.manifestation [data-field=meaning]').innerText(), /approved for clinical accuracy \(whole document\)/);
  await page.fill('#passphrase', passphrase('carla'));
  await Promise.all([page.waitForNavigation(), page.click('form.sign button[type=submit]')]);
  assert.match(await page.locator('.notice.info').innerText(), /55 segment\(s\) approved/);
  assert.match(await page.locator('main').innerText(), /Clinical review of asthma-action-plan.txt recorded on \d{4}-\d\d-\d\d; next review due/);
  const after = documentStates('asthma-action-plan.txt', 'es-US');
  assert.equal(after.approved, 55);
  assert.equal(after.review.standing, 'current');
  assert.equal(after.review.reviewer, 'Dr. Carla Chen');
});

check('signing out ends the session', async ({ page, address }) => {
  await signOut(page);
  assert.equal(new URL(page.url()).pathname, '/signin');
  await page.goto(address);
  assert.equal(new URL(page.url()).pathname, '/signin');
});

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  execFileSync(path.join(__dirname, 'project.sh'), [medloc, work], { stdio: 'inherit' });
  const { server, address } = await startServer();
  process.on('exit', () => server.kill('SIGTERM'));
  // A new, empty profile; no connection but to the workspace.
  const profile = fs.mkdtempSync(path.join(work, 'chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] || (await browser.newPage());
  page.setDefaultTimeout(15000);
  let failed = 0;
  try {
    for (const { name, body } of checks) {
      try {
        await body({ page, address });
        console.log(`ok - ${name}`);
      } catch (error) {
        failed += 1;
        console.log(`not ok - ${name}\n${error.stack}`);
        await page.screenshot({ path: path.join(shots, `failed-${checks.findIndex((c) => c.name === name)}.png`) }).catch(() => {});
      }
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
  console.log(`${checks.length - failed} of ${checks.length} checks passed; screenshots in ${shots}`);
  process.exit(failed ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
