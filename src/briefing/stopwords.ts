/**
 * Stop words (function words) per language, for scoring only. Arabic entries
 * are in normalised form (see `normalizeArabic`).
 */

/** Arabic function words, normalised (ا for أ/إ/آ, ي for ى, ه for ة). */
export const ARABIC_STOPWORDS: ReadonlySet<string> = new Set(`
في من الي الى علي على عن مع ان او ام ثم بل لا لم لن ما ماذا متي اين كيف كم هل قد لقد كان كانت كانوا يكون تكون يكونوا
هذا هذه ذلك تلك هؤلاء اولئك الذي التي الذين اللذين اللتين اللواتي اللاتي هو هي هم هن هما انا نحن انت انتم انتن انه انها انهم
له لها لهم لهن به بها بهم منه منها منهم عنه عنها عنهم فيه فيها فيهم عليه عليها عليهم اليه اليها اليهم
كل بعض غير بين حتي حين حيث اذا اذ لكن لكنه لكنها الا اما ايضا كما مثل عند عندما بعد قبل خلال منذ حول ضد دون نحو لدي لدى
وقد وكان وكانت وهو وهي وهم وفي ومن وما ولا ولم وان وقال وقالت قال قالت يقول تقول واضاف اضاف واضافت اضافت
ايه اي التى هناك هنا وهذا وهذه ذات ذو تم يتم وتم سوف ليس ليست مازال لازال زال يزال تزال وكذلك كذلك جدا فقط
احد احدي اكثر اقل عام اليوم امس الان حاليا بينما وبين عدم ضمن وذلك وهناك فان بان كان قد لان لانه مما فيما بما عما ممن
`.trim().split(/\s+/));

/** English function words. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(`
a an the and or but if then else of to in on at by for with from as into onto about over under after before between through during
without within against among is are was were be been being am do does did doing have has had having will would shall should can
could may might must not no nor so than too very just also only own same such both each few more most other some any all
i me my myself we our ours us you your yours he him his she her hers it its they them their theirs what which who whom whose this
that these those there here when where why how again further once up down out off said says say told tell according
mr mrs ms dr one two new last year years week day days time like
`.trim().split(/\s+/));

/** French function words. */
export const FRENCH_STOPWORDS: ReadonlySet<string> = new Set(`
le la les l un une des du de d et ou mais donc or ni car que qu qui quoi dont où ce cet cette ces c ça cela ceci il elle ils elles
on nous vous je j tu me m te t se s lui leur leurs eux son sa ses mon ma mes ton ta tes notre nos votre vos au aux à a en dans par
pour sur sous avec sans entre chez vers contre depuis pendant avant après selon est sont était étaient été être ai as avons avez
ont avait avaient aura auront sera seront fait faire ne pas plus moins très aussi bien encore déjà tout tous toute toutes même
comme si y n là ici alors ainsi déclaré dit affirmé estimé a-t-il a-t-elle m mme
`.trim().split(/\s+/));
