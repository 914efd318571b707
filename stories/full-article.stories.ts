import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/article/news-article.ts';
import '../src/byline/news-byline.ts';
import '../src/did-you-know/news-did-you-know.ts';
import '../src/also-read/news-also-read.ts';
import '../src/poll/news-poll.ts';
import '../src/comments/news-comments.ts';
import '../src/comment-count/news-comment-count.ts';
import '../src/related/news-related.ts';
import { createMemoryAdapter, type MemoryAdapter } from '../src/memory-adapter/index.ts';
import type { Article, Comment, Poll, User } from '../src/core/types.ts';
import { bridgeHero, bridgePoll, hoursAgo, kestrelStories, storyComment } from './support/story-helpers.ts';

/**
 * The whole reference page (REFERENCE-PAGE.md) top to bottom, every element on one in-memory backend:
 * trending strip, live market figures, the article (kicker, question headline, dek, byline with
 * comment count, hero, ~650-word body with did-you-know and two also-read links), the reader poll,
 * comments, related articles and the publisher's footer.
 */

type Lang = 'en' | 'ar';

interface PageOptions {
  lang?: Lang;
  /** Seed the thread with comments; without, it is the reference page's empty "(0)" thread. */
  thread?: boolean;
  signedIn?: boolean;
}

const ARTICLE_ID = 'harbour-bridge-vote';
const POLL_ID = 'harbour-bridge-funding';
const reader: User = { id: 'reader-sam', name: 'Sam Okafor', avatar: null };

/** Text of the page that is not the article body, per language. */
const copy = {
  en: {
    masthead: 'The Kestrel Bay Courier',
    trendingLabel: 'Trending',
    trending: 'Regional fuel levy to rise by two cents a litre from January',
    markets: 'Markets',
    gettingData: 'Getting data',
    loading: 'Loading...',
    updated: 'Updated just now',
    figures: [
      ['KBX 200', '7,412.6', '+0.8%', true],
      ['Brent crude', '$81.20', '−1.2%', false],
      ['Gold', '$2,386', '+0.3%', true],
      ['KBD / USD', '0.6621', '−0.1%', false],
    ] as const,
    kicker: 'City Hall',
    headline: 'Will Kestrel Bay make drivers pay to fix its harbour bridge?',
    dek: 'Councillors vote on Tuesday on how to pay for a $214 million repair of the Northgate Harbour Bridge. A toll, a 30-year bond and a rates rise are on the table, and none of them is painless.',
    author: 'Metro Bureau',
    heroAlt: bridgeHero.alt,
    heroCaption: bridgeHero.caption,
    heroCredit: bridgeHero.credit,
    commentsFallback: 'Comments',
    signInPrompt: 'Please sign in to leave a comment.',
    relatedHeading: 'Related Articles',
    footerAbout:
      'The Kestrel Bay Courier is an independent, reader-funded newsroom covering city hall, business and daily life around the harbour. Our reporters are based in the city centre and on Eastshore, we correct our mistakes in public, and we never let advertisers choose what we cover.',
    copyright: '© 2026 Kestrel Bay Courier Ltd. All rights reserved. A fictional publication created to demonstrate news-elements.',
  },
  ar: {
    masthead: 'صحيفة خليج كيستريل',
    trendingLabel: 'الأكثر تداولًا',
    trending: 'رسوم الوقود الإقليمية ترتفع سنتين لكل لتر اعتبارًا من يناير',
    markets: 'الأسواق',
    gettingData: 'جارٍ جلب البيانات',
    loading: 'جارٍ التحميل...',
    updated: 'حُدّثت الآن',
    figures: [
      ['مؤشر كيه بي إكس 200', '7,412.6', '+0.8%', true],
      ['خام برنت', '81.20 $', '−1.2%', false],
      ['الذهب', '2,386 $', '+0.3%', true],
      ['الدولار الكيستريلي / الأمريكي', '0.6621', '−0.1%', false],
    ] as const,
    kicker: 'البلدية',
    headline: 'هل ستجعل خليج كيستريل السائقين يدفعون ثمن إصلاح جسر الميناء؟',
    dek: 'يصوّت أعضاء المجلس يوم الثلاثاء على طريقة تمويل إصلاح جسر نورثغيت بتكلفة 214 مليون دولار. رسم عبور وسندات لثلاثين عامًا وزيادة في ضريبة العقارات كلها مطروحة، ولا أحد منها بلا ألم.',
    author: 'مكتب المدينة',
    heroAlt: 'جسر نورثغيت عند الغسق من الضفة الغربية، وخلفه رافعات الحاويات على الجانب الآخر من الميناء',
    heroCaption: 'جسر نورثغيت عند الغسق من الضفة الغربية، وخلفه رافعات الحاويات على الجانب الآخر من الميناء.',
    heroCredit: 'حقوق الصورة - قسم الرسوم في الصحيفة',
    commentsFallback: 'التعليقات',
    signInPrompt: 'يرجى تسجيل الدخول لكتابة تعليق.',
    relatedHeading: 'مقالات ذات صلة',
    footerAbout:
      'صحيفة خليج كيستريل غرفة أخبار مستقلة يموّلها قرّاؤها، تغطي شؤون البلدية والأعمال والحياة اليومية حول الميناء. نصحّح أخطاءنا علنًا، ولا نسمح للمعلنين باختيار ما نغطيه.',
    copyright: '© 2026 شركة صحيفة خليج كيستريل. جميع الحقوق محفوظة. مطبوعة خيالية أُعدّت لعرض news-elements.',
  },
} as const;

/** The reader poll: 187 + 142 + 68 + 127 = 524 votes, this reader's already among them, so results show. */
function poll(lang: Lang): Poll {
  const english = bridgePoll({ id: POLL_ID, myVote: ['blend'] });
  if (lang !== 'ar') return english;
  const labels = [
    'رسم عبور بقيمة 2.50 دولار حتى سداد تكلفة الإصلاح',
    'سندات لمدة 30 عامًا توزّع التكلفة',
    'زيادة ضريبة العقارات لمدة خمس سنوات',
    'رسم عبور أصغر مع سندات أقصر أجلًا',
  ];
  return {
    ...english,
    question: 'ما الخطوة التالية الأكثر مصداقية بعد تقرير فحص الجسر؟',
    options: english.options.map((option, i) => ({ ...option, label: labels[i]! })),
  };
}

const comment = (id: string, author: User, body: string, minutes: number, likes: number, parentId: string | null = null) =>
  storyComment(id, author, body, minutes, { likes, parentId, threadId: ARTICLE_ID });

function thread(lang: Lang, signedIn: boolean): Comment[] {
  const lena = { id: 'reader-lena', name: lang === 'ar' ? 'لينا مارش' : 'Lena Marsh' };
  const tomas = { id: 'reader-tomas', name: lang === 'ar' ? 'توماس رييس' : 'Tomás Reyes' };
  const priya = { id: 'reader-priya', name: lang === 'ar' ? 'بريا ناتاراجان' : 'Priya Natarajan' };
  if (lang === 'ar') {
    return [
      comment('c1', lena, 'أعبر هذا الجسر مرتين يوميًا. أصلحوه أولًا ثم تجادلوا حول الفاتورة.', 150, 14),
      comment('c2', tomas, 'رسم العبور منطقي فقط إذا استمرت العبّارة بديلًا.', 95, 6),
      comment('c2r1', priya, 'جُدّد دعم العبّارة لشتاء آخر، لذا فهي مستمرة حاليًا.', 80, 3, 'c2'),
    ];
  }
  const comments = [
    comment(
      'c1',
      lena,
      'I cross this bridge twice a day and the potholes on the north side get worse every month. Fix it first, argue about the bill afterwards.',
      150,
      14,
    ),
    comment('c2', tomas, 'A toll only makes sense if the Eastshore ferry keeps running as the alternative.', 95, 9),
    comment('c2r1', priya, 'The ferry subsidy was renewed for one more winter, so for now it does.', 80, 4, 'c2'),
    comment(
      'c3',
      { id: 'reader-olu', name: 'Olu Adeyemi' },
      'The finance committee papers are here: https://www.kestrelbay.example/council/finance\nWorth reading before Tuesday.',
      40,
      6,
    ),
  ];
  if (signedIn) comments.push(comment('c4', reader, 'The blend option gets my vote: a small toll and a short bond.', 4, 0));
  return comments;
}

/** The article this page shows (for related stories and the comment count) and the four stories it links to. */
function articles(lang: Lang): Article[] {
  const others = kestrelStories();
  if (lang === 'ar') {
    const headlines = [
      'عبّارة الضفة الشرقية تحتفظ بدعمها لشتاء آخر',
      'هيئة الميناء تسجل أول فائض منذ ست سنوات مع تعافي حركة الحاويات',
      'كيف تقارن ضرائب العقارات في خليج كيستريل بجيرانها',
      'تجار الواجهة البحرية يراهنون على سوق ليلي شتوي لإعادة الزحام المسائي',
    ];
    others.forEach((story, i) => (story.headline = headlines[i]!));
  }
  return [{ id: ARTICLE_ID, url: `/articles/${ARTICLE_ID}`, headline: copy[lang].headline, publishedAt: hoursAgo(3), blocks: [] }, ...others];
}

/** One backend for every element on the page; 120 ms latency, so loading states flash but settle quickly. */
function pageAdapter({ lang = 'en', thread: withThread = false, signedIn = false }: PageOptions): MemoryAdapter {
  return createMemoryAdapter(
    {
      user: signedIn ? reader : null,
      articles: articles(lang),
      related: { [ARTICLE_ID]: kestrelStories().map((story) => story.id) },
      polls: [poll(lang)],
      comments: withThread ? thread(lang, signedIn) : [],
    },
    { latencyMs: 120 },
  );
}

/** The ~650-word English body (five sections), written for this project. */
const englishBody = html`
  <p>
    Kestrel Bay’s city council will decide on Tuesday how to pay for the biggest repair in the 58-year history of the Northgate Harbour Bridge,
    the four-lane crossing that carries about 61,000 vehicles a day between the city centre and the Eastshore suburbs.
  </p>
  <p>Engineers say the work cannot wait much longer. How the city pays for it has split the council, the business community and the people who cross the harbour every morning.</p>

  <h2>What is wrong with the bridge</h2>
  <p>
    A city inspection last spring found corrosion in 14 of the bridge’s 40 steel bearings and cracks in the concrete deck above the main shipping
    channel. The report rated the structure “fair but deteriorating” and warned that weight limits for lorries could follow within three years if
    nothing is done.
  </p>
  <p>The repair plan replaces the bearings, resurfaces the deck and adds a protected cycle lane. Work would take about 30 months, with one lane closed in each direction at night.</p>
  <p>“Nobody on this council disputes that the bridge needs fixing,” said Mayor Ines Halvorsen. “The argument is about who carries the bill, and for how long.”</p>

  <h2>Three ways to pay</h2>
  <p>
    City staff have put three funding options in front of councillors. The first is a toll of <strong>$2.50 per crossing</strong> for cars,
    collected electronically, which staff estimate would cover the full cost in about 11 years before being removed.
  </p>
  <p>The second is a 30-year municipal bond. It spreads the cost over a generation, but interest would add roughly <strong>$96 million</strong> to the final price.</p>
  <p>The third is a rise in property rates of about <strong>4.8 percent</strong>, paid by every household and business in the city for five years.</p>

  <news-did-you-know
    ><p>The Northgate Harbour Bridge opened in 1968 and was designed for about 20,000 vehicles a day. It now carries three times that number.</p></news-did-you-know
  >

  <h2>Who pays under each plan</h2>
  <p>
    Each option moves the cost onto a different group. A toll falls mainly on Eastshore commuters, many of whom have no practical alternative: the
    nearest other crossing is a 25-minute detour.
  </p>
  <p>
    “I cross twice a day, five days a week,” said Marek Lindqvist, a nurse at Kestrel Bay General Hospital. “That is more than a thousand dollars a
    year out of my pocket for a road everyone uses.”
  </p>
  <p>A rates rise spreads the bill across all 142,000 residents, including those who rarely use the bridge. The bond shifts part of the cost onto taxpayers who are not yet old enough to vote.</p>

  <news-also-read href="/articles/eastshore-ferry-subsidy"><a href="/articles/eastshore-ferry-subsidy">Eastshore ferry keeps its subsidy for one more winter</a></news-also-read>

  <p>
    Councillor Tomas Reyes-Whitcombe, who chairs the finance committee, favours a mix: a smaller toll of $1 and a shorter bond. “A blend keeps the
    toll low and the debt short,” he said. “It is the least bad option we have.”
  </p>

  <h2>Businesses on both shores are split</h2>
  <p>
    The Harbourside Traders’ Association, which represents about 300 shops and restaurants near the western end of the bridge, has come out
    against a toll. Its chair, Priya Anand, said customers from Eastshore would simply stop coming.
  </p>
  <p>“We saw it during the last closure,” she said. “Takings fell by a fifth in a month, and some places never recovered.”</p>
  <p>
    Freight operators on the Eastshore industrial estate disagree. They argue that a toll, unlike a rates rise, charges the people who actually
    use the crossing, and that months of night closures will cost them far more than a fee.
  </p>

  <news-also-read href="/articles/kestrel-bay-rates-compared"
    ><a href="/articles/kestrel-bay-rates-compared">How Kestrel Bay’s property rates compare with its neighbours</a></news-also-read
  >

  <h2>What happens after Tuesday</h2>
  <p>
    If councillors approve a plan, contracts could be signed early next year and work could start by the autumn. A toll would also need approval
    from the regional transport authority, which could add six months.
  </p>
  <p>
    If the vote is deadlocked, the decision passes to a special budget meeting in January. Staff have warned that every year of delay adds about
    $7 million to the cost through inflation and further wear.
  </p>
  <p>
    Residents can still give their views through the city’s <a href="/consultations/northgate-bridge">online consultation</a>, which closes at
    midnight on Monday. The <em>Courier</em> will report the result of Tuesday’s vote as it happens.
  </p>
`;

/** The Arabic body: the same five sections, shorter. */
const arabicBody = html`
  <p>يقرر مجلس مدينة خليج كيستريل يوم الثلاثاء كيفية تمويل أكبر عملية إصلاح في تاريخ جسر نورثغيت الممتد على 58 عامًا، وهو الجسر ذو المسارات الأربعة الذي تعبره نحو 61 ألف مركبة يوميًا بين وسط المدينة وضواحي الضفة الشرقية.</p>
  <p>يقول المهندسون إن العمل لا يحتمل مزيدًا من الانتظار. أما طريقة الدفع فقد قسمت المجلس وأصحاب الأعمال والناس الذين يعبرون الميناء كل صباح.</p>

  <h2>ما الخلل في الجسر؟</h2>
  <p>وجد فحص أجرته المدينة في الربيع الماضي تآكلًا في 14 من أصل 40 محملًا فولاذيًا، وتشققات في السطح الخرساني فوق قناة الملاحة الرئيسية. ووصف التقرير حالة الجسر بأنها «مقبولة لكنها تتدهور»، وحذّر من قيود على أوزان الشاحنات خلال ثلاث سنوات إن لم يُفعل شيء.</p>
  <p>تستبدل خطة الإصلاح المحامل وتعيد رصف السطح وتضيف مسارًا محميًا للدراجات. ويستغرق العمل نحو 30 شهرًا، مع إغلاق مسار واحد في كل اتجاه ليلًا.</p>

  <h2>ثلاث طرق للدفع</h2>
  <p>عرض موظفو المدينة ثلاثة خيارات على أعضاء المجلس. الأول رسم عبور قدره <strong>2.50 دولار</strong> للسيارات، يغطي التكلفة كاملة في نحو 11 عامًا ثم يُلغى.</p>
  <p>الثاني سندات بلدية لمدة 30 عامًا توزّع التكلفة على جيل كامل، لكن الفوائد ستضيف نحو <strong>96 مليون دولار</strong> إلى السعر النهائي. والثالث زيادة في ضريبة العقارات بنحو <strong>4.8 في المئة</strong> لخمس سنوات.</p>

  <news-did-you-know><p>افتُتح جسر نورثغيت عام 1968 وصُمّم لنحو 20 ألف مركبة يوميًا، وهو يحمل اليوم ثلاثة أضعاف هذا العدد.</p></news-did-you-know>

  <h2>من يدفع في كل خطة؟</h2>
  <p>ينقل كل خيار التكلفة إلى فئة مختلفة. فرسم العبور يقع أساسًا على سكان الضفة الشرقية، وكثير منهم بلا بديل عملي: أقرب معبر آخر يعني التفافًا لخمس وعشرين دقيقة.</p>
  <p>«أعبر مرتين يوميًا، خمسة أيام في الأسبوع»، قال ماريك ليندكفيست، وهو ممرض في مستشفى خليج كيستريل العام. «هذا أكثر من ألف دولار في السنة من جيبي مقابل طريق يستخدمه الجميع».</p>

  <news-also-read href="/articles/eastshore-ferry-subsidy"><a href="/articles/eastshore-ferry-subsidy">عبّارة الضفة الشرقية تحتفظ بدعمها لشتاء آخر</a></news-also-read>

  <h2>أصحاب الأعمال منقسمون</h2>
  <p>تعارض جمعية تجار الواجهة البحرية، التي تمثل نحو 300 متجر ومطعم قرب الطرف الغربي للجسر، فرض رسم عبور. وقالت رئيستها بريا أناند إن الزبائن من الضفة الشرقية سيتوقفون ببساطة عن المجيء.</p>
  <p>أما مشغلو الشحن في المنطقة الصناعية فيرون أن رسم العبور، بخلاف زيادة الضرائب، يحمّل الكلفة لمن يستخدم المعبر فعلًا.</p>

  <news-also-read href="/articles/kestrel-bay-rates-compared"
    ><a href="/articles/kestrel-bay-rates-compared">كيف تقارن ضرائب العقارات في خليج كيستريل بجيرانها</a></news-also-read
  >

  <h2>ماذا بعد الثلاثاء؟</h2>
  <p>إذا أقرّ المجلس خطة، فقد تُوقَّع العقود مطلع العام المقبل ويبدأ العمل بحلول الخريف. وإذا تعادلت الأصوات، ينتقل القرار إلى اجتماع خاص للميزانية في يناير، علمًا بأن كل عام تأخير يضيف نحو 7 ملايين دولار إلى التكلفة.</p>
  <p>ولا يزال بإمكان السكان إبداء آرائهم عبر <a href="/consultations/northgate-bridge">الاستشارة الإلكترونية</a> التي تُغلق منتصف ليل الاثنين.</p>
`;

/** The market figures arrive a moment after the page, like a real live-data box. */
const marketFigures = (lang: Lang) => {
  const text = copy[lang];
  return new Promise<TemplateResult>((resolve) =>
    setTimeout(
      () =>
        resolve(html`
          <p class="fa-markets-status" role="status">${text.updated}</p>
          <ul class="fa-markets-list">
            ${text.figures.map(
              ([name, value, change, up]) =>
                html`<li><span class="fa-market-name">${name}</span> <span class="fa-market-value" dir="ltr">${value}</span>
                  <span class=${up ? 'fa-up' : 'fa-down'} dir="ltr">${change}</span></li>`,
            )}
          </ul>
        `),
      900,
    ),
  );
};

/** The publisher's own page CSS: plain, low-specificity rules around the elements. */
const pageStyles = html`<style>
  .fa-page {
    --news-font-heading: Georgia, Cambria, 'Times New Roman', serif;
    --fa-muted: light-dark(#595959, #a9aeb5);
    --fa-border: light-dark(#d8d4cb, #3a4049);
    --fa-surface: light-dark(#f4f1ea, #1d2128);
    font-size: 1.0625rem;
  }
  .fa-page a {
    color: light-dark(#0a5b66, #6ccad6);
  }
  .fa-masthead {
    margin: 0 0 0.75rem;
    padding-block-end: 0.75rem;
    border-block-end: 1px solid var(--fa-border);
    font-family: var(--news-font-heading);
    font-size: clamp(1.5rem, 5vw, 2.25rem);
    font-weight: 700;
    text-align: center;
  }
  .fa-topbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: flex-start;
    justify-content: space-between;
    max-width: 72rem;
    margin: 0 auto 1.5rem;
  }
  .fa-trending {
    flex: 1 1 20rem;
    margin: 0;
    font-size: 0.9375rem;
  }
  .fa-trending-label {
    margin-inline-end: 0.5rem;
    padding: 0.1rem 0.4rem;
    border-radius: 0.2rem;
    background: light-dark(#a3231a, #ff8f85);
    color: light-dark(#fff, #1b1b1b);
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .fa-markets {
    flex: 0 1 22rem;
    min-width: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--fa-border);
    border-radius: 0.5rem;
    background: var(--fa-surface);
    font-size: 0.8125rem;
  }
  .fa-markets-head {
    display: flex;
    gap: 0.5rem;
    justify-content: space-between;
  }
  .fa-markets p {
    margin: 0;
  }
  .fa-markets-title {
    font-weight: 700;
  }
  .fa-markets-status {
    color: var(--fa-muted);
  }
  .fa-markets-list {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.25rem 1rem;
    margin: 0.375rem 0 0;
    padding: 0;
    list-style: none;
  }
  .fa-markets-list li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.375rem;
    min-height: 1.25rem;
  }
  .fa-market-name {
    color: var(--fa-muted);
  }
  .fa-market-value {
    font-weight: 700;
  }
  .fa-up {
    color: light-dark(#136c2e, #6fd48f);
  }
  .fa-down {
    color: light-dark(#a3231a, #ff8f85);
  }
  .fa-loading {
    color: var(--fa-muted);
  }
  .fa-column {
    max-width: 42rem;
    margin-inline: auto;
  }
  .fa-comment-count {
    margin: -0.75rem 0 1.25rem;
    font-size: 0.875rem;
  }
  .fa-wide {
    max-width: 72rem;
    margin-inline: auto;
  }
  .fa-footer {
    max-width: 72rem;
    margin: 3rem auto 0;
    padding-block-start: 1.25rem;
    border-block-start: 1px solid var(--fa-border);
    color: var(--fa-muted);
    font-size: 0.875rem;
  }
  .fa-footer-name {
    margin: 0 0 0.5rem;
    color: light-dark(#1c1d21, #e8e9ed);
    font-family: var(--news-font-heading);
    font-weight: 700;
  }
</style>`;

/** Counts renders, so ids stay unique when the docs page shows several pages at once. */
let renders = 0;

/** The full page. `loading="eager"` on the widgets below the fold, so the page is complete without scrolling. */
function fullArticle(options: PageOptions = {}): TemplateResult {
  const lang = options.lang ?? 'en';
  const page = ++renders;
  const marketsTitle = `fa-markets-title-${page}`;
  const commentsId = `comments-${page}`;
  const text = copy[lang];
  const adapter = pageAdapter(options);
  const pollData = poll(lang);
  return html`${pageStyles}
    <div class="fa-page">
      <p class="fa-masthead">${text.masthead}</p>
      <div class="fa-topbar">
        <aside class="fa-trending" aria-label=${text.trendingLabel}>
          <p>
            <span class="fa-trending-label">${text.trendingLabel}</span>
            <a href="/articles/regional-fuel-levy">${text.trending}</a>
          </p>
        </aside>
        <aside class="fa-markets" aria-labelledby=${marketsTitle}>
          <div class="fa-markets-head">
            <p class="fa-markets-title" id=${marketsTitle}>${text.markets}</p>
          </div>
          ${until(
            marketFigures(lang),
            html`<p class="fa-markets-status" role="status">${text.gettingData}</p>
              <ul class="fa-markets-list" aria-hidden="true">
                ${text.figures.map(() => html`<li class="fa-loading">${text.loading}</li>`)}
              </ul>`,
          )}
        </aside>
      </div>

      <main class="fa-column">
        <news-article article-id=${ARTICLE_ID} .adapter=${adapter}>
          <p slot="kicker">${text.kicker}</p>
          <h1 slot="headline">${text.headline}</h1>
          <p slot="dek">${text.dek}</p>
          <news-byline slot="byline" author=${text.author} published=${hoursAgo(3)} reading-time="auto"></news-byline>
          <p slot="byline" class="fa-comment-count">
            <news-comment-count href=${`#${commentsId}`}><a href=${`#${commentsId}`}>${text.commentsFallback}</a></news-comment-count>
          </p>
          <figure slot="hero">
            <img src=${bridgeHero.src} alt=${text.heroAlt} width="1200" height="675" />
            <figcaption>${text.heroCaption} <span class="credit">${text.heroCredit}</span></figcaption>
          </figure>
          ${lang === 'ar' ? arabicBody : englishBody}
        </news-article>

        <news-poll poll-id=${POLL_ID} question=${pollData.question} loading="eager" .adapter=${adapter}>
          ${pollData.options.map((option) => html`<option value=${option.id}>${option.label}</option>`)}
        </news-poll>

        <news-comments id=${commentsId} thread-id=${ARTICLE_ID} sign-in-url="/sign-in" loading="eager" .adapter=${adapter}>
          <h2>${text.commentsFallback}</h2>
          <p>${text.signInPrompt}</p>
        </news-comments>
      </main>

      <div class="fa-wide">
        <news-related article-id=${ARTICLE_ID} heading=${text.relatedHeading} loading="eager" .adapter=${adapter}></news-related>
      </div>

      <footer class="fa-footer">
        <p class="fa-footer-name">${text.masthead}</p>
        <p>${text.footerAbout}</p>
        <p>${text.copyright}</p>
      </footer>
    </div>`;
}

const meta: Meta = {
  title: 'Pages/Full article',
  render: () => fullArticle(),
  parameters: { controls: { disable: true } },
};
export default meta;

type Story = StoryObj;

export const Desktop: Story = {
  globals: { viewport: { value: 'desktop', isRotated: false } },
  parameters: {
    docs: {
      description: {
        story:
          'The reference page at 1280 px, signed out: trending strip and a live market box ("Getting data" until its figures arrive), the question headline, dek, "MB" byline with "3 min read" and the comment count, the hero with its credit, a five-section body with a did-you-know and two also-read links, the poll already voted (results, "Total votes: 524"), an empty "Comments (0)" thread asking to sign in, related articles and the footer.',
      },
    },
  },
};

export const Phone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: {
    docs: {
      description: {
        story:
          'The same page on a 375 px phone: the market box drops under the trending strip, related stories list one per row with thumbnails beside the headlines.',
      },
    },
  },
};

export const Dark: Story = {
  render: () => fullArticle({ thread: true }),
  globals: { theme: 'dark' },
  parameters: {
    docs: {
      description: {
        story:
          'The page on a dark scheme with no colour tokens, signed out, with a thread of four comments and a reply: every element follows `color-scheme` on its own.',
      },
    },
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  render: () => fullArticle({ lang: 'ar', thread: true }),
  globals: { locale: 'ar' },
  parameters: {
    docs: {
      description: {
        story:
          'The whole page in Arabic, right to left: localized labels in every element, Arabic plural forms for votes and comments, mirrored layout, and a short Arabic thread.',
      },
    },
  },
};

export const SignedIn: Story = {
  name: 'Signed in',
  render: () => fullArticle({ thread: true, signedIn: true }),
  parameters: {
    docs: {
      description: {
        story:
          'Sam Okafor is signed in: the composer replaces the sign-in prompt, other readers’ comments can be liked, replied to and reported, and Sam’s own comment from four minutes ago can still be edited or deleted.',
      },
    },
  },
};
