// What the demo reviewers wrote, by failure mode and by where the note sits.
// {placeholders} are filled from the trace (demo-note-digest.ts); a text whose
// placeholders the trace cannot fill is skipped for that trace. Plain prose and
// a little markdown (bold, code): no headings, lists or links, which the review
// panel would render as page structure.

export const HALLUCINATED_POLICY = [
  "Says {claim}. That's not our policy: '{source}' says {truth}.",
  "Invented policy: {claim}. Nothing in the retrieved docs supports it.",
  "Hallucination. The answer claims {claim}; the help center ('{source}') says {truth}.",
  "Where does \"{claim}\" come from? Not in any article. Per {source}: {truth}.",
  "Made-up policy again on {model}: {claim}.",
  "The model told {name} that {claim}. We never said that. Correct: {truth}.",
  "Policy is wrong here: {claim} vs. {truth} ('{source}').",
  "Confidently states that {claim}. Fabricated, and the customer may hold us to it.",
  "We don't offer that! Claims {claim}. Please check '{source}': {truth}.",
  "Fabricated detail: {claim}. Rest of the answer is fine.",
  "Not grounded: {claim}. The context had '{source}', which says {truth}.",
  "{company} is being told that {claim}. Wrong, {truth}.",
  "Invents a rule ({claim}). Flagging as hallucinated policy.",
  "The answer adds a policy that doesn't exist: {claim}.",
  "Careful: \"{claim}\" is not true for a {plan} customer; {truth}.",
  "Same made-up policy as earlier this week: {claim}.",
  "Claims {claim}. I checked the article: {truth}. Hallucinated.",
  "Wrong policy quoted to the customer ({claim}). Legal will not like this one.",
  "The bot made up that {claim}. It should have stuck to '{source}'.",
  "Told the customer {claim}, which is nowhere in our docs.",
  "Fluent answer, but the key fact is invented: {claim}.",
  "Policy mismatch: says {claim}, docs say {truth}.",
  "{model} invented \"{claim}\" even though the prompt says never to invent policies.",
  "Hmm, {claim}? I can't find that in '{source}' or anywhere else. Looks hallucinated.",
  "Incorrect: {claim}. Actually {truth} (see '{source}').",
  "**Hallucinated policy.** {claim}; the real rule is that {truth}.",
  "The answer promises that {claim}. That promise is not ours to make.",
  "Customer asked a simple policy question and got fiction: {claim}.",
  "Half right. The second part ({claim}) is made up; {truth}.",
  "This is the invented-policy pattern again: {claim}. The doc was retrieved and says otherwise.",
  "Please no: {claim}. If {name} quotes this back to support we have a problem.",
  "Numbers are invented: {claim}. '{source}' has the real ones: {truth}.",
];

export const IGNORED_DOCUMENT = [
  "'{rightDoc}' was retrieved (#{rightPos}) and answers this directly, but the answer doesn't use it.",
  "Ignored the retrieved doc: '{rightDoc}' is right there in the context and the reply goes its own way.",
  "The context has the answer ('{rightDoc}'); the model went with '{doc}' instead.",
  "Didn't use doc #{rightPos} ('{rightDoc}'). The answer is generic.",
  "Retrieval did its job here, '{rightDoc}' at #{rightPos}. Generation ignored it.",
  "The answer is built on '{doc}', which is about something else. '{rightDoc}' was retrieved too and should have won.",
  "Model ignored '{rightDoc}' and answered from memory.",
  "Why didn't it use '{rightDoc}'? It's in the context with score {rightScore}.",
  "Doc #{rightPos} has the exact steps; the answer skips them.",
  "Answers as if the context were empty. '{rightDoc}' covers this word for word.",
  "Ignores the retrieved article and paraphrases the question back. '{rightDoc}' had it.",
  "The relevant chunk ('{rightDoc}') is in the prompt. Not used at all.",
  "Good retrieval, bad use of it: '{rightDoc}' (#{rightPos}) ignored.",
  "It picked up '{doc}' and missed the point; '{rightDoc}' is the doc for this.",
  "Context ignored again: '{rightDoc}' answers the question, the model didn't look.",
  "The answer contradicts '{rightDoc}', which it had in context. Ignored retrieved document.",
];

export const RANKED_WRONG = [
  "'{doc}' ranked first ({docScore}) but isn't relevant; '{rightDoc}' is the one that answers it, and the answer followed the wrong one.",
  "Top hit '{doc}' is off-topic. The model used it and ignored '{rightDoc}' at #{rightPos}.",
  "Ranking problem: '{doc}' above '{rightDoc}'. The generator then ignored the right doc.",
  "Doc 1 is '{doc}', not what was asked. The right article ('{rightDoc}') sits at #{rightPos} and was ignored.",
  "Relevant doc retrieved but not on top: '{rightDoc}' at #{rightPos}. The answer only looked at '{doc}'.",
  "Near miss outranks the real answer here ('{doc}' {docScore} vs. '{rightDoc}' {rightScore}).",
  "The retriever put '{doc}' first. Not the document to use; '{rightDoc}' was there and got ignored.",
];

export const DEFLECTED = [
  "Says it couldn't find anything, but '{doc}' in the context covers part of this. Ignored the doc.",
  "Deflected to a ticket although the retrieved docs ('{doc}') had something useful.",
  "\"Couldn't find anything\" while '{doc}' is in the context. Ignored retrieved document.",
  "Retriever returned '{doc}' (score {docScore}); the bot pretended nothing came back.",
];

export const WRONG_TOOL_SPAN: Record<string, readonly string[]> = {
  lookup_order: [
    "Wrong tool: lookup_order on {order} when {name} asked for a ticket reference. create_ticket was the call.",
    "lookup_order for {order} is fine, but it was called again after the result was already in context.",
    "Called lookup_order, then ignored the two charges it returned. Why call it?",
    "Should have been create_ticket: the customer explicitly asked for someone from finance.",
    "lookup_order with {order}, fine. But the question needed a ticket as well and none was opened.",
  ],
  check_service_status: [
    "check_service_status was called for `{service}` in {region}, but the customer's problem is the API. Wrong argument.",
    "Checked `{service}` status when the customer asked about data safety. Wrong tool for the question.",
    "Hardcoded service: always `{service}`. Here it should have checked webhooks.",
    "Tool call checks {region}; the customer's workspace is elsewhere according to the ticket. Wrong region.",
    "check_service_status found the incident, then the answer ignored the status it returned.",
    "check_service_status for the wrong service (`{service}`). The customer said exports are failing.",
  ],
  create_ticket: [
    "create_ticket with priority `{priority}` for a {queue} question. Should be normal.",
    "Opened {ticket} without asking the customer first. Wrong tool at this point: lookup_order would have answered it.",
    "Ticket went to the `{queue}` queue; this belongs with billing.",
    "Opened a ticket ({ticket}) where a status check was the right call.",
    "Wrong tool: create_ticket before lookup_order. We escalated something the bot could have checked itself.",
    "create_ticket called with the customer's email from the profile, not the one they gave. Should confirm first.",
  ],
};

export const MISSING_TOOL = [
  "Says 'I can open a ticket' but never calls create_ticket. Wrong/missing tool.",
  "Should have called lookup_order here instead of answering from the docs.",
  "No check_service_status call, so it answered about the incident from stale docs.",
  "Needed a tool call and made none: the customer asked for something only create_ticket does.",
  "Offered to escalate and then didn't call the ticket tool. Customer thinks it's done.",
  "Guessing instead of calling lookup_order. We have the tool for exactly this.",
  "Wrong tool choice: answered from retrieval where create_ticket was needed.",
];

export const TONE = [
  "Too curt. No acknowledgement of the frustration at all.",
  "Way too apologetic, reads like a script.",
  "Tone is robotic. Reads like the help article pasted in.",
  "A bit too casual for {company}.",
  "Doesn't greet {name} or acknowledge the problem before diving in.",
  "Feels cold. The content is right, the tone is not.",
  "Sounds defensive, as if the customer did something wrong.",
  "Lecturing tone. Shorter and friendlier please.",
  "Condescending: explains the basics to someone who clearly knows them.",
  "Wall of text. The customer asked a yes/no question.",
  "Tone: fine information, zero empathy.",
  "Over-friendly filler at the start, then the actual answer is buried.",
  "Should say sorry for the trouble first. Tone issue.",
  "The reply is polite but stiff. Would rewrite the opening.",
  "Tone mismatch: the customer is upset and the bot is chirpy.",
  "Reads passive-aggressive to me.",
  "Too much jargon for a {plan} customer.",
  "Sounds like a legal disclaimer, not a support chat.",
];

// Tone notes quoting what the scripted answer of a turn really says.
export const TONE_BY_TURN: Record<string, readonly string[]> = {
  "rate-limits:1": [
    "\"Retrying immediately makes it worse\" blames the customer. Rephrase.",
    "Opening with \"makes it worse\" is scolding. Tone.",
  ],
  "outage:0": [
    "\"Yes —\" as a cheerful opener when confirming an outage reads wrong.",
    "Confirms the incident like it's good news. No sorry for the outage.",
  ],
  "duplicate-charge:0": [
    "We charged them twice and there's not a single apology. Tone.",
    "Factually right, but no empathy for being double charged.",
  ],
  "duplicate-charge:2": ["\"Done —\" as the first word feels abrupt."],
  "cancel-subscription:0": [
    "Customer is leaving and the bot is cold about it. No thanks, nothing.",
    "Cancellation answer is very transactional. Tone could be warmer.",
  ],
  "cancel-subscription:2": ["Says no to the refund without softening it at all."],
  "password-reset:0": ["Stiff for someone who is locked out."],
  "lost-2fa:0": ["Customer is locked out and stressed; the reply reads like a manual."],
};

export const CANNED_CLOSING = [
  "Closing message is canned. Fine, but every conversation ends with the exact same line.",
  "\"If anything else comes up, just ask here\" on every goodbye sounds robotic.",
  "Tone nit: the closing reply is word for word the same each time.",
];

export const GENERIC_APOLOGY = [
  "The generic apology ('something went wrong on my side') with no next step is frustrating.",
  "Error apology gives no ticket, no ETA, nothing. Tone and content both weak.",
  "\"Please try again in a moment\" after an outage-type error sounds dismissive.",
];

export const LEAKED_INTERNAL = [
  "Mentions the internal queue name ({queue}) and priority to the customer. Internal detail.",
  "Leaks part of the system prompt (\"using only the help-center context\").",
  "Exposes the internal collection name `help_center_v3`. Should never reach the customer.",
  "Says \"billing-api returned\" in the answer: internal service name leaked.",
  "Quotes an internal ticket field (first_response_eta_hours) verbatim.",
  "Leaked internal note: the answer includes the triage remark meant for agents.",
  "Tells {name} the ticket is 'high priority internally'. Internal info, remove.",
  "The answer contains the internal escalation path (\"tier 2 on-call\"). Leak.",
  "Mentions the customer's org id in plain text. That's internal.",
  "Internal wording leaked: \"per runbook\" and the runbook name.",
  "Reveals which model answers ({model}) when nobody asked. Internal detail.",
];

export const POSITIVE = [
  "Good answer. Exactly what '{rightDoc}' says.",
  "Nice, concise and correct.",
  "Fine.",
  "No issues here.",
  "Correct and friendly. Use as a reference example?",
  "Good use of the context, quotes the right numbers.",
  "Looks right to me.",
  "Perfect: looked up {lookedUpOrder}, confirmed the duplicate, offered the refund.",
  "Exactly the right escalation, {ticket} opened with the right subject.",
  "Good. {name} got what they needed in one turn.",
  "Not sure about this one. Lee, can you take a look?",
  "Correct but slow ({latency} s end to end).",
  "Revisit after the prompt change.",
  "Borderline. Leaving it unlabelled for now.",
  "Same question as the previous turn; answer consistent. OK.",
];

export const INFRA = [
  "Infra failure (rate limit from the provider), nothing to judge on the model side.",
  "{model} call failed with an overload error. Not a quality issue.",
  "Retriever timed out, not a model problem.",
  "Tool error from {tool}, the bot apologised. Fine given the failure.",
  "Upstream error, exclude from quality stats.",
];

export const REPEATED_QUESTION = [
  "The bot asked for the order number again although {name} gave it in the first message.",
  "Customer had to repeat the question after the error; the bot didn't acknowledge it.",
  "Asks which region they're in twice; the region is in the customer profile.",
  "Same clarifying question twice in one conversation. Customer sounds annoyed.",
  "The conversation loops: customer re-asks, bot re-explains the same thing.",
  "Repeated clarifying question in turn 2 and turn {turns}. We should carry context.",
  "Asked for the email twice. It's in the session metadata.",
  "{turns} turns for something that needed one; the bot kept asking for details it had.",
  "Re-asks for the plan even though the customer said {plan} at the start.",
  "Customer repeats themselves and the bot answers as if it's a new question.",
  "Clarifying questions are fine, asking the same one again is not.",
  "The repeated 'can you confirm your account email?' is the main problem in this conversation.",
];

export const SESSION_GENERAL = [
  "Whole conversation went well; {name} was happy at the end.",
  "Good conversation overall, one weak turn in the middle.",
  "Customer switched topic and the bot handled it fine.",
  "Long session ({turns} turns) but every turn moved forward.",
  "The customer left without an answer to the last question.",
];

export const POSITIVE_BY_TOPIC: Record<string, readonly string[]> = {
  outage: ["Handled the incident question well, points to the status page.", "Good: confirms the incident and says the API is fine."],
  "sso-setup": ["Clear SSO steps, matches the Okta article."],
  webhooks: ["Nice, explains the signature check correctly."],
};

// A second reviewer on the same note target.
export const REPLIES: Record<string, readonly string[]> = {
  hallucinated_policy: [
    "+1, hallucinated. Same as the others.",
    "Agree, invented policy.",
    "Confirmed with billing: not our policy.",
    "Seen the same made-up rule on three other traces this week.",
    "Yes. Let's track these as a theme.",
  ],
  ignored_document: [
    "+1, the right doc was in context.",
    "Agree, ignored the retrieved document.",
    "Same pattern as yesterday: good retrieval, ignored.",
    "Not sure I agree, the answer is close enough to the article.",
  ],
  wrong_tool: ["+1, wrong tool.", "Agree. Tool choice is off here.", "Same tool mix-up as on the other one."],
  tone: ["Agree on tone.", "Meh, I think the tone is acceptable here.", "+1, reads cold."],
  leaked_internal: ["+1, internal detail leaked.", "Agree, that must not reach customers."],
  repeated_question: ["Agree, it asked twice.", "+1, the loop is the problem."],
  positive: ["Agree.", "Agree, good one."],
};

// The lead's own notes: a pattern spotted, and what to do about it.
export const LEAD_NOTES: Record<string, readonly string[]> = {
  hallucinated_policy: [
    "Another invented policy ({claim}). We need a rubric for this.",
    "Escalating: the model keeps inventing policy details. Prompt team is on it.",
    "Invented policy on {model} again. Collecting these before the prompt change.",
    "Hallucinated policy, third one this week on {source}. Let's make it a theme.",
  ],
  ignored_document: [
    "The right doc was retrieved and not used. Worth a rubric of its own.",
    "Ignored retrieved document again. Adding to the list for the grounding fix.",
    "Context had '{rightDoc}'; the answer ignored it. Tracking this pattern.",
  ],
  wrong_tool: [
    "Tool routing again. Tracking these for the tools rewrite.",
    "Wrong tool call, noted for the tool descriptions update.",
    "Tool choice problem; let's check how the tool descriptions read to the model.",
  ],
  tone: [
    "Tone feedback noted. Let's agree on a style guide for apologies.",
    "Tone again. I'll draft a few example replies for the prompt.",
  ],
  leaked_internal: ["Internal detail in a customer answer. Security should see this one."],
};
