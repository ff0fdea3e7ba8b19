import { describe, expect, it } from 'vitest';
import { classify, isUnder } from '../../../src/attribution/source';

const page = (query = '', host = 'www.shop.fr') => new URL(`https://${host}/offre${query}`);
const source = (query: string, referrer = '', cookieDomain?: string) => classify(page(query), referrer, cookieDomain).source;

describe('classify: SPEC 6.2 rules in order', () => {
  it.each([
    // 1. click IDs -> paid
    ['?gclid=abc', '', 'paid', 'gclid'],
    ['?gbraid=abc', '', 'paid', 'gbraid'],
    ['?wbraid=abc', '', 'paid', 'wbraid'],
    ['?dclid=abc', '', 'paid', 'dclid'],
    ['?msclkid=abc', '', 'paid', 'msclkid'],
    ['?ttclid=abc', '', 'paid', 'ttclid'],
    // 2. utm_medium lists
    ...['cpc', 'ppc', 'paid', 'paidsearch', 'paid_search', 'cpm', 'display', 'paid_social'].map((m) => [`?utm_medium=${m}`, '', 'paid', `utm_medium=${m}`]),
    ...['email', 'e-mail', 'newsletter'].map((m) => [`?utm_medium=${m}`, '', 'email', `utm_medium=${m}`]),
    ...['social', 'social-network', 'social_media'].map((m) => [`?utm_medium=${m}`, '', 'social', `utm_medium=${m}`]),
    ['?utm_medium=organic', '', 'organic', 'utm_medium=organic'],
    ['?utm_medium=referral', '', 'referral', 'utm_medium=referral'],
    // any other utm_source / utm_medium / utm_campaign -> campaign
    ['?utm_medium=print', '', 'campaign', 'utm_medium'],
    ['?utm_source=flyer', '', 'campaign', 'utm_source'],
    ['?utm_campaign=spring', '', 'campaign', 'utm_campaign'],
    // 3. fbclid -> social
    ['?fbclid=IwAR0', '', 'social', 'fbclid'],
    // 4. referrer host
    ['', 'https://www.google.fr/', 'organic', 'referrer www.google.fr'],
    ['', 'https://l.facebook.com/l.php?u=x', 'social', 'referrer l.facebook.com'],
    ['', 'https://mail.google.com/mail/u/0/', 'email', 'referrer mail.google.com'],
    ['', 'https://blog.example.org/post', 'referral', 'referrer blog.example.org'],
    // 5. nothing
    ['', '', 'direct', 'no referrer'],
  ])('%s from %s -> %s (%s)', (query, referrer, expected, why) => {
    const r = classify(page(query as string), referrer as string);
    expect(r.source).toBe(expected);
    expect(r._why).toBe(why);
    expect(r._internal).toBe(false);
  });
});

describe('classify: precedence', () => {
  it('a click ID beats utm_medium and the referrer', () => {
    expect(source('?utm_medium=email&gclid=x', 'https://www.facebook.com/')).toBe('paid');
  });
  it('the first click ID in SPEC order is the one explained', () => {
    expect(classify(page('?msclkid=1&gclid=2'), '')._why).toBe('gclid');
  });
  it('a listed utm_medium beats other utm parameters and fbclid', () => {
    expect(source('?utm_source=facebook&utm_medium=newsletter&fbclid=x')).toBe('email');
  });
  it('an unlisted utm_medium makes a campaign, even with fbclid and a search referrer', () => {
    expect(source('?utm_medium=qr&fbclid=x', 'https://www.google.com/')).toBe('campaign');
  });
  it('utm parameters beat fbclid', () => {
    expect(source('?fbclid=x&utm_campaign=promo')).toBe('campaign');
  });
  it('fbclid beats the referrer', () => {
    expect(source('?fbclid=x', 'https://www.google.fr/')).toBe('social');
  });
  it('utm_medium is compared without case or surrounding spaces', () => {
    expect(source('?utm_medium=CPC')).toBe('paid');
    expect(source('?utm_medium=NewsLetter')).toBe('email');
    expect(source('?utm_medium=%20Social%20')).toBe('social');
    expect(source('?utm_medium=Paid_Social')).toBe('paid');
  });
  it('empty click IDs and utm parameters identify nothing and are ignored', () => {
    expect(source('?gclid=&utm_source=&fbclid=', 'https://www.bing.com/')).toBe('organic');
    expect(source('?gclid')).toBe('direct');
  });
  it('utm_term and utm_content alone do not make a campaign', () => {
    expect(source('?utm_term=shoes&utm_content=banner')).toBe('direct');
  });
  it('parameter names are case-sensitive, as analytics tools read them', () => {
    expect(source('?GCLID=x')).toBe('direct');
  });
});

describe('classify: referrer hosts', () => {
  it.each([
    // webmail, checked before search engines and social networks
    ['mail.google.com', 'email'],
    ['mail.yahoo.com', 'email'],
    ['fr.mail.yahoo.com', 'email'],
    ['outlook.live.com', 'email'],
    ['outlook.office.com', 'email'],
    ['outlook.office365.com', 'email'],
    ['webmail.free.fr', 'email'],
    ['webmail.orange.fr', 'email'],
    ['mail.proton.me', 'email'],
    ['mail.aol.com', 'email'],
    // search engines
    ['www.google.com', 'organic'],
    ['google.com', 'organic'],
    ['www.google.fr', 'organic'],
    ['www.google.co.uk', 'organic'],
    ['www.google.com.br', 'organic'],
    ['www.google.de', 'organic'],
    ['news.google.com', 'organic'],
    ['www.bing.com', 'organic'],
    ['cn.bing.com', 'organic'],
    ['search.yahoo.com', 'organic'],
    ['fr.search.yahoo.com', 'organic'],
    ['search.yahoo.co.jp', 'organic'],
    ['duckduckgo.com', 'organic'],
    ['www.qwant.com', 'organic'],
    ['lite.qwant.com', 'organic'],
    ['www.ecosia.org', 'organic'],
    ['yandex.ru', 'organic'],
    ['yandex.com.tr', 'organic'],
    ['ya.ru', 'organic'],
    ['www.baidu.com', 'organic'],
    ['www.startpage.com', 'organic'],
    ['search.brave.com', 'organic'],
    ['search.lilo.org', 'organic'],
    ['www.ask.com', 'organic'],
    ['search.naver.com', 'organic'],
    ['search.seznam.cz', 'organic'],
    // social networks
    ['www.facebook.com', 'social'],
    ['l.facebook.com', 'social'],
    ['lm.facebook.com', 'social'],
    ['m.facebook.com', 'social'],
    ['www.instagram.com', 'social'],
    ['l.instagram.com', 'social'],
    ['www.linkedin.com', 'social'],
    ['lnkd.in', 'social'],
    ['x.com', 'social'],
    ['twitter.com', 'social'],
    ['t.co', 'social'],
    ['www.youtube.com', 'social'],
    ['m.youtube.com', 'social'],
    ['youtu.be', 'social'],
    ['www.pinterest.com', 'social'],
    ['www.pinterest.fr', 'social'],
    ['www.tiktok.com', 'social'],
    ['www.reddit.com', 'social'],
    ['out.reddit.com', 'social'],
    ['www.snapchat.com', 'social'],
    ['www.threads.net', 'social'],
    ['www.threads.com', 'social'],
    ['bsky.app', 'social'],
    // look-alikes are plain referrals: matching is on label boundaries
    ['notgoogle.fr', 'referral'],
    ['google.example.com', 'referral'],
    ['google.fr.evil.com', 'referral'],
    ['box.com', 'referral'],
    ['yahoo.com', 'referral'],
    ['www.yahoo.com', 'referral'],
    ['myfacebook.com', 'referral'],
    ['gmail.com', 'referral'],
    ['hotmail.com', 'referral'],
    ['www.lemonde.fr', 'referral'],
    ['localhost', 'referral'],
    ['192.168.1.10', 'referral'],
  ])('%s -> %s', (host, expected) => {
    expect(source('', `https://${host}/some/path?q=x`)).toBe(expected);
  });

  it('a webmail host wins over the search engine of the same company', () => {
    expect(source('', 'https://mail.google.com/')).toBe('email');
    expect(source('', 'https://mail.yahoo.com/')).toBe('email');
  });
  it('http referrers count as well as https', () => {
    expect(source('', 'http://www.bing.com/')).toBe('organic');
  });
  it('host case in the referrer does not matter', () => {
    expect(source('', 'https://WWW.GOOGLE.FR/')).toBe('organic');
  });
});

describe('classify: no usable referrer is direct', () => {
  it.each([
    [''],
    ['   '],
    ['not a url'],
    ['/relative/path'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['android-app://com.google.android.gm/'],
    ['file:///etc/passwd'],
    ['https://'],
    ['http://[::1'],
  ])('%j', (referrer) => {
    expect(classify(page(), referrer)).toEqual({ source: 'direct', referrer: 'direct', _why: 'no referrer', _internal: false });
  });
});

describe('classify: internal navigation', () => {
  it('same host is internal and reported as direct', () => {
    expect(classify(page(), 'https://www.shop.fr/catalogue')).toEqual({ source: 'direct', referrer: 'direct', _why: 'internal navigation', _internal: true });
  });
  it('the scheme and port of the same host do not matter', () => {
    expect(classify(page(), 'http://www.shop.fr:8080/')._internal).toBe(true);
  });
  it('another subdomain is external without cookie.domain', () => {
    expect(classify(page(), 'https://blog.shop.fr/')).toMatchObject({ source: 'referral', _internal: false });
  });
  it.each(['shop.fr', '.shop.fr', 'SHOP.FR'])('cookie.domain %s makes its subdomains and itself internal', (domain) => {
    expect(classify(page(), 'https://blog.shop.fr/', domain)._internal).toBe(true);
    expect(classify(page(), 'https://shop.fr/', domain)._internal).toBe(true);
    expect(classify(page(), 'https://a.b.shop.fr/', domain)._internal).toBe(true);
  });
  it('cookie.domain does not cover look-alike hosts', () => {
    expect(classify(page(), 'https://notshop.fr/', 'shop.fr')._internal).toBe(false);
    expect(classify(page(), 'https://shop.fr.evil.com/', 'shop.fr')._internal).toBe(false);
  });
  it('an empty cookie.domain covers nothing', () => {
    expect(classify(page(), 'https://www.google.fr/', '')._internal).toBe(false);
    expect(classify(page(), 'https://www.google.fr/', '.')._internal).toBe(false);
  });
  it.each([
    ['?utm_source=newsletter', 'campaign'],
    ['?utm_medium=email', 'email'],
    ['?utm_campaign=x', 'campaign'],
    ['?gclid=x', 'paid'],
    ['?fbclid=x', 'social'],
  ])('a same-site referrer with %s is classified by the parameters, not internal', (query, expected) => {
    expect(classify(page(query), 'https://www.shop.fr/')).toMatchObject({ source: expected, _internal: false });
  });
  it('utm_term alone does not stop internal navigation', () => {
    expect(classify(page('?utm_term=x'), 'https://www.shop.fr/')._internal).toBe(true);
  });
  it('no referrer is not internal (a new visit may start)', () => {
    expect(classify(page(), '')._internal).toBe(false);
  });
});

describe('classify: hostile input', () => {
  it('a 100 KB query string and a 100 KB referrer are handled quickly', () => {
    const big = 'x'.repeat(100_000);
    const t = performance.now();
    expect(classify(page(`?a=${big}&utm_medium=${big}`), `https://www.google.fr/?q=${big}`).source).toBe('campaign');
    expect(classify(page(`?${'a=1&'.repeat(25_000)}`), `https://${'a.'.repeat(100)}example.com/${big}`).source).toBe('referral');
    expect(performance.now() - t).toBeLessThan(500);
  });
  it('the explanation of a huge utm_medium is still a string, and not a listed medium', () => {
    const r = classify(page(`?utm_medium=${'cpc'.repeat(1000)}`), '');
    expect(r.source).toBe('campaign');
  });
  it('malformed percent-encoding does not throw', () => {
    expect(source('?utm_medium=%E0%A4%A&gclid=%', '')).toBe('paid');
    expect(source('?utm_medium=%ZZ', '')).toBe('campaign');
  });
  it('HTML in parameters is never interpreted, only matched', () => {
    expect(source('?utm_medium=<script>alert(1)</script>')).toBe('campaign');
  });
  it('a punycode referrer is a referral', () => {
    expect(source('', 'https://gööglé.fr/')).toBe('referral');
  });
});

describe('classify: the referrer kept', () => {
  it.each([
    ['https://www.google.fr/search?q=secret#x', 'https://www.google.fr'],
    ['http://Example.COM:8080/a', 'http://example.com:8080'],
    ['https://user:pass@site.fr/', 'https://site.fr'],
    ['https://site.fr:443/', 'https://site.fr'],
    ['', 'direct'],
    ['nonsense', 'direct'],
    ['javascript:alert(document.cookie)', 'direct'],
    ['data:text/html,hi', 'direct'],
    ['ftp://files.example.com/', 'direct'],
    ['android-app://com.google.android.gm/', 'direct'],
    ['https://www.shop.fr/catalogue', 'direct'],
  ])('%j -> %s', (referrer, expected) => {
    expect(classify(page(), referrer).referrer).toBe(expected);
  });
});

describe('isUnder', () => {
  it.each([
    ['www.google.fr', 'google.fr', true],
    ['google.fr', 'google.fr', true],
    ['notgoogle.fr', 'google.fr', false],
    ['google.fr', 'www.google.fr', false],
    ['a.shop.fr', '.shop.fr', true],
    ['a.shop.fr', 'SHOP.fr', true],
    ['shop.fr', '', false],
    ['', '', false],
  ])('%s under %s: %s', (host, domain, expected) => {
    expect(isUnder(host, domain)).toBe(expected);
  });
});
