/**
 * The rule catalogue of nimbus-sim: every rule id the simulator knows, its statement, the Luware help pages it
 * comes from, and whether it is a modelling assumption (`inferred`). This file is the project's own source and
 * is edited by hand; which rules the simulator decides is derived in catalogue.ts from the rule modules.
 * `npm run rules:compare` (by hand, never in CI) lists ids that differ from a domain rulebook kept beside a clone.
 */
import type { RuleEntry } from './rulebook.js';

export const RULE_IDS = ["SVC-01","SVC-02","SVC-03","SVC-04","SVC-05","SVC-06","SVC-07","SVC-08","SVC-09","SVC-10","SVC-11","SVC-12","SVC-13","MOD-01","MOD-02","MOD-03","MOD-04","MOD-05","MOD-06","PRES-01","PRES-02","PRES-03","PRES-04","PRES-05","PRES-06","PRES-07","PRES-08","PRES-09","PRES-10","PRES-11","PRES-12","US-01","US-02","US-03","US-04","US-05","US-06","US-07","US-08","US-09","US-10","US-11","US-12","US-13","US-14","DIST-01","DIST-02","DIST-03","DIST-04","DIST-05","DIST-06","DIST-07","DIST-08","DIST-09","RONA-01","RONA-02","RONA-03","RONA-04","RONA-05","RONA-06","RONA-07","RONA-08","RONA-09","RONA-10","RONA-11","RONA-12","RONA-13","RONA-14","ACW-01","ACW-02","ACW-03","ACW-04","ACW-05","ACW-06","ACW-07","ACW-08","ACW-09","ACW-10","ACW-11","ACW-12","ACW-13","PAR-01","PAR-02","PAR-03","PAR-04","PAR-05","PAR-06","PAR-07","PAR-08","PAR-09","PAR-10","PAR-11","PAR-12","PAR-13","PAR-14","PAR-15","PAR-16","PAR-17","PAR-18","SUP-01","SUP-02","SUP-03","SUP-04","SUP-05","SUP-06","SUP-07","SUP-08","SUP-09","SUP-10","SUP-11","SUP-12","SUP-13","COB-01","COB-02","COB-03","COB-04","COB-05","COB-06","COB-07","COB-08","COB-09","COB-10","COB-11","COB-12","COB-13","COB-14","COB-15","OUT-01","OUT-02","OUT-03","OUT-04","OUT-05","OUT-06","OUT-07","OUT-08","OUT-09","OUT-10","OUT-11","LIC-01","LIC-02","LIC-03","LIC-04","LIC-05","LIC-06","LIC-07","XFER-01","XFER-02","XFER-03","XFER-04","XFER-05","XFER-06","XFER-07","XFER-08","XFER-09","XFER-10","XFER-11","XFER-12","REP-01","REP-02","REP-03","REP-04","REP-05","REP-06","REP-07","REP-08","REP-09","REP-10","REP-11","REP-12","REP-13","TASK-01","TASK-02","TASK-03","TASK-04","WF-01","WF-02","WF-03","WF-04","WF-05","WF-06","WF-07","WF-08","WF-09","PERM-01","PERM-02","PERM-03","PERM-04","PERM-05"] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const RULEBOOK: readonly RuleEntry<RuleId>[] = [
  {
    "id": "SVC-01",
    "area": "SVC",
    "title": "Service license tier decides the features",
    "statement": "Which features a service may use depends on its license tier, one of `Advanced Routing`, `Enterprise Routing` or `Contact Center`.",
    "sources": [
      "https://help.luware.com/workflow-activities"
    ],
    "inferred": false
  },
  {
    "id": "SVC-02",
    "area": "SVC",
    "title": "Tiers are cumulative",
    "statement": "Each tier includes every feature of the tiers below it (Contact Center contains the Enterprise Routing feature set), so anything a service must give up to drop out of Enterprise Routing it must also give up to drop out of Contact Center.",
    "sources": [
      "https://help.luware.com/license-downgrade"
    ],
    "inferred": false
  },
  {
    "id": "SVC-03",
    "area": "SVC",
    "title": "Teams-provisioned services start at Advanced Routing",
    "statement": "Provisioning a service from MS Teams gives it `Advanced Routing`; an administrator or partner raises the tier later if needed.",
    "sources": [
      "https://help.luware.com/nimbus/latest/service-provisioning"
    ],
    "inferred": false
  },
  {
    "id": "SVC-04",
    "area": "SVC",
    "title": "One user assignment type per service",
    "statement": "A service has a single user assignment type: `MS Teams-based` (members come from the team), `Skill-based` (members picked from the directory and routed by skill) or `None` (no members, for IVR or first-level redirect services).",
    "sources": [
      "https://luware.helpjuice.com/service-settings-category/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-05",
    "area": "SVC",
    "title": "Assignment type fixed at creation",
    "statement": "The user assignment type is chosen when the service is created and never changes; MS Teams-based and Skill-based cannot be swapped later.",
    "sources": [
      "https://luware.helpjuice.com/service-settings-category/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-06",
    "area": "SVC",
    "title": "Manually created services start empty",
    "statement": "Creating a service by hand in Service Administration gives it assignment type `None` and no users; Contact Center users are added afterwards.",
    "sources": [
      "https://help.luware.com/nimbus/latest/administration/service-administration/use-case-setting-up-a-contact-center"
    ],
    "inferred": false
  },
  {
    "id": "SVC-07",
    "area": "SVC",
    "title": "Leaving the team leaves the service",
    "statement": "Leaving the team removes a user from an MS Teams-based service at once; a Skill-based service keeps the user until someone removes them by hand.",
    "sources": [
      "https://help.luware.com/services-user-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-08",
    "area": "SVC",
    "title": "Teams-based distribution needs the Active toggle",
    "statement": "An MS Teams-based service distributes tasks only to members whose `Active` toggle for that service is on; each service has its own toggle, set by the user or a team owner.",
    "sources": [
      "https://help.luware.com/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-09",
    "area": "SVC",
    "title": "New Users immediately active (Teams-based only)",
    "statement": "The `New Users immediately active` setting exists only on MS Teams-based services; when on, a new team member starts as Active.",
    "sources": [
      "https://luware.helpjuice.com/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-10",
    "area": "SVC",
    "title": "Skill routing needs Contact Center on service and user",
    "statement": "Distribution Policies, Responsibility Profiles and skill-based routing work only when both the service and the user hold a `Contact Center` license, and the user is an Agent or Owner of the service.",
    "sources": [
      "https://help.luware.com/distribution-policies"
    ],
    "inferred": false
  },
  {
    "id": "SVC-11",
    "area": "SVC",
    "title": "A suspended tenant takes no tasks",
    "statement": "When the tenant is `Suspended`, nobody can sign in, inbound and outbound tasks are refused, and incoming calls go to a default announcement workflow.",
    "sources": [
      "https://help.luware.com/administration-category/license-management"
    ],
    "inferred": false
  },
  {
    "id": "SVC-12",
    "area": "SVC",
    "title": "Power Automate connector needs an ER or CC service",
    "statement": "The Power Automate connector (scheduling outbound calls, external tasks, parameters) works only when the tenant has at least one service licensed Enterprise Routing or Contact Center.",
    "sources": [
      "https://help.luware.com/nimbus-power-automate-connector-category/flow-actions"
    ],
    "inferred": false
  },
  {
    "id": "SVC-13",
    "area": "SVC",
    "title": "No downgrade while higher-tier features remain",
    "statement": "A service cannot move to a lower license tier while it still uses features of the higher one, for example ER-only workflow activities (`Check Parameter`, `Check Task`), `Pickup` distribution in a Queue activity, or outbound service call options.",
    "sources": [
      "https://help.luware.com/license-downgrade"
    ],
    "inferred": false
  },
  {
    "id": "MOD-01",
    "area": "MOD",
    "title": "A workflow per modality",
    "statement": "The service owner picks which workflow handles each modality; what can be picked depends on the service license and on which modalities are switched on.",
    "sources": [
      "https://help.luware.com/service-settings-category/modalities-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "MOD-02",
    "area": "MOD",
    "title": "Outbound Conversations enables Call on Behalf",
    "statement": "With `Outbound Conversations` on, the service's users get the Call on Behalf button and scheduled Outbound Calls become possible through the flow action \"Schedule an Outbound Call\".",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "MOD-03",
    "area": "MOD",
    "title": "Outbound with Workflow enables workflow outbound calls",
    "statement": "With `Outbound with Workflow` on, the flow action \"Schedule an Outbound Call with Workflow\" can call an external party and run the call through a workflow.",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "MOD-04",
    "area": "MOD",
    "title": "Workflow changes apply to new tasks at once",
    "statement": "Assigning a different workflow affects every task that arrives afterwards, with no delay.",
    "sources": [
      "https://help.luware.com/service-settings-category/modalities-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "MOD-05",
    "area": "MOD",
    "title": "Voice Messages Channel (Teams-based, A/V)",
    "statement": "The `Voice Messages Channel` setting matters only for MS Teams-based services whose workflow is A/V; results of `Voice Message` are posted to that Teams channel as adaptive cards.",
    "sources": [
      "https://help.luware.com/service-settings-category/modalities-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "MOD-06",
    "area": "MOD",
    "title": "Unlicensed activities block workflow assignment",
    "statement": "The workflow editor offers every activity whatever the license, but Modalities Service Settings will not assign a workflow containing an activity the service's tier does not include.",
    "sources": [
      "https://help.luware.com/workflow-activities"
    ],
    "inferred": false
  },
  {
    "id": "PRES-01",
    "area": "PRES",
    "title": "Offline users get no tasks",
    "statement": "Nimbus never offers a task to a user whose Teams presence is `Offline` or `Appear Offline`.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "PRES-02",
    "area": "PRES",
    "title": "Available passes the presence check",
    "statement": "Teams presence `Available` always passes the presence check.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "PRES-03",
    "area": "PRES",
    "title": "Do Not Disturb never passes",
    "statement": "Teams presence `Do Not Disturb` never passes the presence check for distributed tasks.",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-application-permission"
    ],
    "inferred": false
  },
  {
    "id": "PRES-04",
    "area": "PRES",
    "title": "Busy in a call never passes",
    "statement": "Teams presence `Busy` with the activity `In a call` never passes the presence check.",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-application-permission"
    ],
    "inferred": false
  },
  {
    "id": "PRES-05",
    "area": "PRES",
    "title": "Busy and Away only with the service's opt-in",
    "statement": "`Busy` (also busy in a meeting), `Away`, `Be right back` and `Appear Away` pass the presence check only where the service opts in through its Conversations Distribution settings (\"Busy available\" / \"Away available\"); each service decides for itself.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "PRES-06",
    "area": "PRES",
    "title": "Telling \"in a call\" from Busy needs Presence.Read.All",
    "statement": "Nimbus can only distinguish \"Busy in a call\" from plain \"Busy\" with extended presence tracking, which requires the application permission `Presence.Read.All` (invited guest accounts were the older way).",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-application-permission"
    ],
    "inferred": false
  },
  {
    "id": "PRES-07",
    "area": "PRES",
    "title": "Without extended tracking, in a call counts as Busy",
    "statement": "When extended presence tracking is off, Nimbus cannot see \"Busy in a call\" and treats it as \"Busy\", so the service's Busy opt-in decides.",
    "sources": [],
    "inferred": true
  },
  {
    "id": "PRES-08",
    "area": "PRES",
    "title": "Dialing out does not show as Busy",
    "statement": "Teams shows Busy only after a call connects, so a user who is still dialing a call outside Nimbus may be offered a task.",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-azure-guest-accounts"
    ],
    "inferred": false
  },
  {
    "id": "PRES-09",
    "area": "PRES",
    "title": "Enhanced Presence Privacy Mode hides everyone",
    "statement": "With Enhanced Presence Privacy Mode on in the tenant, every user looks Offline to Nimbus and no task is distributed.",
    "sources": [
      "https://help.luware.com/service-provisioning-category/service-provisioning"
    ],
    "inferred": false
  },
  {
    "id": "PRES-10",
    "area": "PRES",
    "title": "Presence does not replace the service gate",
    "statement": "Passing the presence check is not enough: the user must also be Active (Teams-based service) or On Duty with matching skills (Contact Center).",
    "sources": [
      "https://luware.helpjuice.com/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "PRES-11",
    "area": "PRES",
    "title": "Presence changes ask for a Not Available Reason",
    "statement": "Whenever a user's Teams presence changes, by hand or through the idle timeout, Nimbus asks them for a `Not Available Reason`.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "PRES-12",
    "area": "PRES",
    "title": "Park frees presence, Hold keeps Busy in a call",
    "statement": "Parking takes the user out of the Teams conference and their presence goes back to Available; Hold leaves them in the conference, shown as \"Busy in a call\".",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "US-01",
    "area": "US",
    "title": "Selectability is a three-layer check",
    "statement": "Whether a user can get a task is decided in three layers: Teams presence, then service assignment (Active toggle, or duty state and skills), then blocking status flags; the answer is yes or no, `Selectable` or `Not Selectable`.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-02",
    "area": "US",
    "title": "Offline users have no duty state",
    "statement": "A user who is offline has no duty state and gets no tasks.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-03",
    "area": "US",
    "title": "Selectable in a Teams-based service",
    "statement": "In an MS Teams-based service a user is selectable when online, with presence that passes the check, Active for that service and with no blocking flag.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-04",
    "area": "US",
    "title": "Selectable in a Contact Center service",
    "statement": "In a Contact Center service a user is selectable only when online, holding a CC license, assigned to the service as Agent, in an On Duty responsibility profile, and that profile's skills and responsibilities meet the service's distribution policy.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-05",
    "area": "US",
    "title": "Off Duty affects only Contact Center services",
    "statement": "An Off Duty profile keeps the user out of every Contact Center distribution, while services without CC may still reach them fully.",
    "sources": [
      "https://help.luware.com/duty-states"
    ],
    "inferred": false
  },
  {
    "id": "US-06",
    "area": "US",
    "title": "On Duty and Off Duty, plus custom profiles",
    "statement": "On Duty and Off Duty are the built-in profile types; administrators can add more responsibility profiles with skill levels of their own.",
    "sources": [
      "https://help.luware.com/responsibility-profiles"
    ],
    "inferred": false
  },
  {
    "id": "US-07",
    "area": "US",
    "title": "Duty changes apply from the next task",
    "statement": "A CC user may change duty state or responsibility profile at any time in Assistant (portal or desktop); the change counts from the next incoming task on.",
    "sources": [
      "https://help.luware.com/responsibility-profiles"
    ],
    "inferred": false
  },
  {
    "id": "US-08",
    "area": "US",
    "title": "Blocking status flags",
    "statement": "`Not Available Reason`, `RONA`, `Ringing`, `Connected` and `ACW` are blocking flags; a user carrying any of them cannot be selected.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-09",
    "area": "US",
    "title": "Ringing reserves the user",
    "statement": "`Ringing` holds the user for a task that has been offered and not yet accepted.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-10",
    "area": "US",
    "title": "Connected blocks the user",
    "statement": "`Connected` means the user took a task and is blocked by it; without Task Parallelization a held or parked task keeps them Connected too.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "US-11",
    "area": "US",
    "title": "Busy/Away with opt-in count as selectable",
    "statement": "The opt-in states \"Busy / Selectable\" and \"Away / Selectable\" count as selectable.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-12",
    "area": "US",
    "title": "Inactive everywhere means never selected",
    "statement": "A user switched inactive in every MS Teams-based service is selectable in none of them.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-13",
    "area": "US",
    "title": "Blocking flags apply across services",
    "statement": "A blocking flag (Ringing, Connected, RONA, ACW) blocks the user in every service they belong to, not just the one that set it; the documentation states this only for ACW (ACW-04).",
    "sources": [],
    "inferred": true
  },
  {
    "id": "US-14",
    "area": "US",
    "title": "The Available counter",
    "statement": "The \"Available\" counter in Services Overview is the number of service members whose user state is Available right now.",
    "sources": [
      "https://help.luware.com/services-overview"
    ],
    "inferred": false
  },
  {
    "id": "DIST-01",
    "area": "DIST",
    "title": "Every task is queued",
    "statement": "Each incoming task enters a queue, and the distribution type of the Queue workflow activity decides how it is offered.",
    "sources": [
      "https://help.luware.com/distribution-types"
    ],
    "inferred": false
  },
  {
    "id": "DIST-02",
    "area": "DIST",
    "title": "Broadcast",
    "statement": "`Broadcast` rings up to the 10 selectable users idle longest, all at once; whoever accepts first takes the task; while it rings every rung user is Not Available; Broadcast never sets RONA.",
    "sources": [
      "https://help.luware.com/distribution-types"
    ],
    "inferred": false
  },
  {
    "id": "DIST-03",
    "area": "DIST",
    "title": "Direct",
    "statement": "`Direct` offers the task to the one Active user idle longest through a Teams peer-to-peer call, which is then moved into the Nimbus conference.",
    "sources": [
      "https://help.luware.com/distribution-types"
    ],
    "inferred": false
  },
  {
    "id": "DIST-04",
    "area": "DIST",
    "title": "Direct Conference",
    "statement": "`Direct Conference` picks the user as Direct does but brings them into the conference directly; it is the suggested default.",
    "sources": [
      "https://help.luware.com/distribution-types"
    ],
    "inferred": false
  },
  {
    "id": "DIST-05",
    "area": "DIST",
    "title": "Pickup",
    "statement": "`Pickup` lets users take queued tasks themselves through pickup controls; it is being phased out and needs at least Enterprise Routing.",
    "sources": [
      "https://help.luware.com/license-downgrade"
    ],
    "inferred": false
  },
  {
    "id": "DIST-06",
    "area": "DIST",
    "title": "Distribution policy levels",
    "statement": "A distribution policy is an ordered list of levels, each filtering by skills and responsibilities; a waiting task moves to the next level as time passes, usually reaching more users.",
    "sources": [
      "https://help.luware.com/distribution-policies"
    ],
    "inferred": false
  },
  {
    "id": "DIST-07",
    "area": "DIST",
    "title": "Preferred users need a CC license",
    "statement": "A user without a Contact Center license cannot be a preferred user.",
    "sources": [
      "https://help.luware.com/distribution-policies"
    ],
    "inferred": false
  },
  {
    "id": "DIST-08",
    "area": "DIST",
    "title": "Outbound ignores preferred users (distribution)",
    "statement": "Outbound tasks are not routed to preferred users; the distribution policy chooses the user.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "DIST-09",
    "area": "DIST",
    "title": "Sessions record level and algorithm",
    "statement": "Every service session stores the distribution level (`DistributionPolicyLevel`) at which its user was picked, and the distribution algorithm.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "RONA-01",
    "area": "RONA",
    "title": "Ignored or unanswered offers set RONA",
    "statement": "Ignoring an offered task, or letting it ring past the ring timeout, flags the user RONA; the timeout is the \"RONA Timeout (Max. Ring Time)\" of the `Queue`, `Queue Task` or `Transfer` to user activity.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-02",
    "area": "RONA",
    "title": "The RONA task is not lost",
    "statement": "The task behind a RONA goes back to the queue, or the workflow deals with it another way.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-03",
    "area": "RONA",
    "title": "Broadcast never sets RONA",
    "statement": "A Queue activity using `Broadcast` never flags anyone RONA.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-04",
    "area": "RONA",
    "title": "RONA blocks the user",
    "statement": "A user flagged RONA is not selectable and is offered no tasks.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-05",
    "area": "RONA",
    "title": "Persistent RONA is a service setting",
    "statement": "`Persistent RONA` is switched per service in Distribution Service Settings and is off unless turned on.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-06",
    "area": "RONA",
    "title": "Persistent RONA on decline or ignore",
    "statement": "When a service has Persistent RONA on, a CC-licensed user who declines or ignores one of its tasks gets a persistent RONA flag.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-07",
    "area": "RONA",
    "title": "RONA Reset Time",
    "statement": "`RONA Reset Time` must be set, as hh:mm:ss; it defaults to 10 minutes with a 10-second minimum; the documented maximum reads \"320 min (8h)\", which contradicts itself.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-08",
    "area": "RONA",
    "title": "What ends a persistent RONA",
    "statement": "A persistent RONA ends at the first of: the reset time running out, the user resetting it in Assistant, the user going Offline in Teams, or the user switching to Off Duty.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-09",
    "area": "RONA",
    "title": "Assistant shows a RONA timer",
    "statement": "While RONA is active, Assistant shows a timer counting up next to the manual reset button.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-10",
    "area": "RONA",
    "title": "Setting changes leave existing RONA flags",
    "statement": "Existing RONA flags stay as they are when Persistent RONA or RONA Reset Time is changed.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-11",
    "area": "RONA",
    "title": "Persistent RONA blocks Call on Behalf",
    "statement": "A CC user with a persistent RONA cannot start outbound service calls (Call on Behalf).",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "RONA-12",
    "area": "RONA",
    "title": "Persistent RONA applies with Task Parallelization",
    "statement": "Persistent RONA applies to users with Task Parallelization as well, even when they already hold other tasks.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "RONA-13",
    "area": "RONA",
    "title": "RONA is reported",
    "statement": "RONA events go into the reporting model and show in My Sessions with a yellow marker, beside Accepted, Declined and Cancelled entries.",
    "sources": [
      "https://help.luware.com/my-sessions"
    ],
    "inferred": false
  },
  {
    "id": "RONA-14",
    "area": "RONA",
    "title": "Non-persistent RONA clears by itself",
    "statement": "A RONA flag that is not persistent only keeps the user out of the next distribution attempts and then clears with no action from the user.",
    "sources": [],
    "inferred": true
  },
  {
    "id": "ACW-01",
    "area": "ACW",
    "title": "ACW is a per-service Contact Center feature",
    "statement": "After Call Work (ACW) is a Contact Center feature; each service turns it on with `Enable ACW Time` in Distribution Service Settings.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-02",
    "area": "ACW",
    "title": "ACW follows every session",
    "statement": "When a service has ACW on, every one of its sessions ends with ACW, in any modality.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-03",
    "area": "ACW",
    "title": "ACW lasts 20 s by default",
    "statement": "Unless configured otherwise, ACW lasts 20 seconds.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-04",
    "area": "ACW",
    "title": "ACW blocks the user everywhere",
    "statement": "A user in ACW is `NotSelectable` and gets no task from any Nimbus service.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-05",
    "area": "ACW",
    "title": "Allow Early End",
    "statement": "With `Allow Early End`, any user of the service can stop their ACW counter at any time and is available again.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-06",
    "area": "ACW",
    "title": "Allow Time Extension",
    "statement": "With `Allow Time Extension`, a user can extend ACW; the extension lasts `Maximum ACW Extension Time` and restarts the counter rather than adding to the time left.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-07",
    "area": "ACW",
    "title": "ACW ends when its counter runs out",
    "statement": "If neither early end nor extension is used, ACW stops by itself when its counter reaches zero.",
    "sources": [],
    "inferred": true
  },
  {
    "id": "ACW-08",
    "area": "ACW",
    "title": "Where ACW is shown",
    "statement": "My Sessions shows and controls ACW, both in the portal and in the Assistant app.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-09",
    "area": "ACW",
    "title": "ACW blocks Call on Behalf",
    "statement": "A CC user cannot start Call on Behalf while in ACW or extended ACW.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "ACW-10",
    "area": "ACW",
    "title": "User Supervisors can act on ACW",
    "statement": "A User Supervisor may act on the ACW of the users they supervise.",
    "sources": [
      "https://help.luware.com/personal-dashboards-category/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "ACW-11",
    "area": "ACW",
    "title": "Task state In ACW",
    "statement": "While its user is in ACW, the task is in the task state `In ACW`, which is normally hidden.",
    "sources": [
      "https://luware.helpjuice.com/operations-category/service-operations"
    ],
    "inferred": false
  },
  {
    "id": "ACW-12",
    "area": "ACW",
    "title": "AcwTime per service session",
    "statement": "Each service session stores the length of its ACW as `AcwTime`.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "ACW-13",
    "area": "ACW",
    "title": "ACW under Task Parallelization",
    "statement": "Users with Task Parallelization get no ACW, with one exception in the newer documentation: the end of an active (not parked) A/V session, consultation calls to services included, still starts ACW; parked sessions and other modalities never do.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "PAR-01",
    "area": "PAR",
    "title": "Parking needs no setup",
    "statement": "Every user can park `Audio / Video` and `External Task` tasks without any configuration.",
    "sources": [
      "https://help.luware.com/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-02",
    "area": "PAR",
    "title": "What parking does",
    "statement": "Parking plays wait music to the caller, takes the user out of the Teams conference, starts a Parked timer of its own and moves the card to \"Parked Sessions\".",
    "sources": [
      "https://help.luware.com/attendant-park-and-unpark"
    ],
    "inferred": false
  },
  {
    "id": "PAR-03",
    "area": "PAR",
    "title": "Without Task Parallelization a parked task blocks",
    "statement": "A user without Task Parallelization who has a parked task remains Connected and gets no other Nimbus task, though Teams calls outside Nimbus still reach them.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-04",
    "area": "PAR",
    "title": "Hold always blocks",
    "statement": "Hold leaves the user in the conference, where Teams shows them as \"Busy in a call\", and keeps them from other Nimbus tasks with or without Task Parallelization.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-05",
    "area": "PAR",
    "title": "Park time is not talk time; hold time is",
    "statement": "Connected-time KPIs count talk time and hold time but not park time.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-06",
    "area": "PAR",
    "title": "Parking is not counted as hold",
    "statement": "`HoldTime` and `HoldCount` do not include parking.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "PAR-07",
    "area": "PAR",
    "title": "Parking pauses transcription",
    "statement": "Transcription stops while a task is parked, and the transcription bot joins again on unpark.",
    "sources": [
      "https://help.luware.com/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-08",
    "area": "PAR",
    "title": "Parking ends supervision",
    "statement": "Parking ends any running supervision, and unparking does not bring it back.",
    "sources": [
      "https://help.luware.com/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-09",
    "area": "PAR",
    "title": "Unpark waits for the user",
    "statement": "Unparking invites the user through Teams; the music stops and the conversation continues only once they accept.",
    "sources": [
      "https://help.luware.com/attendant-park-and-unpark"
    ],
    "inferred": false
  },
  {
    "id": "PAR-10",
    "area": "PAR",
    "title": "Hanging up a parked call frees the user",
    "statement": "When a parked call is hung up, it ends for the caller and the user is free for the next task at once.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-park-and-unpark"
    ],
    "inferred": false
  },
  {
    "id": "PAR-11",
    "area": "PAR",
    "title": "The parking user resumes",
    "statement": "Only the user who parked a task resumes it.",
    "sources": [
      "https://help.luware.com/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-12",
    "area": "PAR",
    "title": "Task Parallelization is per user, off by default",
    "statement": "Task Parallelization (TP) is switched per user in General User Settings and starts off.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "PAR-13",
    "area": "PAR",
    "title": "Only parked tasks run in parallel",
    "statement": "Task Parallelization applies to parked tasks only; a task on hold never counts as a parallel task.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "PAR-14",
    "area": "PAR",
    "title": "Parking under Task Parallelization",
    "statement": "With TP a parked task does not block the user until they reach their maximum of parallel tasks; one task at a time is active, so the active one has to be parked before another is resumed.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-15",
    "area": "PAR",
    "title": "Maximum parallel tasks",
    "statement": "Documentation disagrees on the TP maximum: two tasks in one version (pairs A/V + A/V, or any modality + A/V), four in a newer one; General User Settings holds an overall limit and limits per modality.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "PAR-16",
    "area": "PAR",
    "title": "Task Parallelization allows Call on Behalf while parked",
    "statement": "A user with TP can start Call on Behalf while another of their tasks is parked.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "PAR-17",
    "area": "PAR",
    "title": "Consultation only from an active call",
    "statement": "A consultation call needs an active call to start from; once the call is parked the consultation option is unavailable.",
    "sources": [
      "https://help.luware.com/ac-10-category/attendant-consultation-call"
    ],
    "inferred": false
  },
  {
    "id": "PAR-18",
    "area": "PAR",
    "title": "Parallel capacity in Services Overview",
    "statement": "Services Overview shows how many more parallel tasks each user can take.",
    "sources": [
      "https://help.luware.com/services-overview"
    ],
    "inferred": false
  },
  {
    "id": "SUP-01",
    "area": "SUP",
    "title": "Supervision needs CC and a supervisor role",
    "statement": "Supervising requires a Contact Center license plus the `Service Supervisor` role (for service sessions) or the `User Supervisor` role (for user controls).",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-02",
    "area": "SUP",
    "title": "Supervision stays inside the supervisor's Organization Units",
    "statement": "A supervisor sees and acts on only the users and services of the Organization Units in which they hold the supervisor role.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-03",
    "area": "SUP",
    "title": "Supervision starts after distribution",
    "statement": "A session can be supervised only once Nimbus has handed it to a user (team member, agent or attendant).",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-04",
    "area": "SUP",
    "title": "Outbound and Call on Behalf can be supervised",
    "statement": "Scheduled Outbound Calls and Call on Behalf sessions belong to one service each and can therefore be supervised, Call on Behalf beside a parked task included.",
    "sources": [
      "https://help.luware.com/personal-dashboards-category/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-05",
    "area": "SUP",
    "title": "Listen",
    "statement": "In `Listen` the supervisor hears the caller and the user but cannot speak; on joining, the user and the supervisor hear one beep.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-06",
    "area": "SUP",
    "title": "Whisper",
    "statement": "In `Whisper` the supervisor hears both sides and talks to the user only; joining plays two beeps.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-07",
    "area": "SUP",
    "title": "Barge In",
    "statement": "In `Barge In` the supervisor hears both sides and talks to everyone; joining plays three beeps.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-08",
    "area": "SUP",
    "title": "When Listen ends",
    "statement": "`Listen` stops when the session is transferred, or when the user or the customer leaves.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-09",
    "area": "SUP",
    "title": "When Whisper ends",
    "statement": "`Whisper` stops on a transfer of the session or when the user leaves; the session goes on as long as the user or the supervisor remains in it.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-10",
    "area": "SUP",
    "title": "Parking during supervision",
    "statement": "A user who parks during Listen or Whisper gives the caller music; during Barge In the caller hears no music.",
    "sources": [
      "https://luware.helpjuice.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-11",
    "area": "SUP",
    "title": "Barge In ends like Whisper",
    "statement": "`Barge In` stops under the same conditions as `Whisper`.",
    "sources": [],
    "inferred": true
  },
  {
    "id": "SUP-12",
    "area": "SUP",
    "title": "User Supervision controls",
    "statement": "User Supervision lets a supervisor change the duty state of supervised users and act on their ACW.",
    "sources": [
      "https://help.luware.com/personal-dashboards-category/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-13",
    "area": "SUP",
    "title": "Supervisors can end External Tasks",
    "statement": "A supervisor may stop an External Task before it is done.",
    "sources": [
      "https://help.luware.com/external-task"
    ],
    "inferred": false
  },
  {
    "id": "COB-01",
    "area": "COB",
    "title": "Call on Behalf needs ER or CC",
    "statement": "Call on Behalf (COB) is available only for services licensed `Enterprise Routing` or `Contact Center`.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-02",
    "area": "COB",
    "title": "No Call on Behalf for assignment None",
    "statement": "Services whose user assignment type is `None` (simple IVR or redirect services) are never offered in the Call on Behalf service list.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-03",
    "area": "COB",
    "title": "Call on Behalf needs Outbound Conversations",
    "statement": "A service offers Call on Behalf only when `Outbound Conversations` is on in its Modalities Service Settings.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-04",
    "area": "COB",
    "title": "Call on Behalf needs the user online",
    "statement": "The Call on Behalf button stays disabled while the user is not online in Teams.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-05",
    "area": "COB",
    "title": "Do Not Disturb and opt-ins do not matter for Call on Behalf",
    "statement": "Do Not Disturb leaves the Call on Behalf button enabled, and the service's Busy/Away opt-ins play no part in Call on Behalf.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-06",
    "area": "COB",
    "title": "No PSTN number, no dial pad",
    "statement": "A service without a PSTN number gives its users no dial pad: they can call UPN targets only (internal users and services).",
    "sources": [
      "https://help.luware.com/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "COB-07",
    "area": "COB",
    "title": "RONA and ACW block Call on Behalf",
    "statement": "A CC user with a persistent RONA, or in ACW or extended ACW, cannot start Call on Behalf.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-08",
    "area": "COB",
    "title": "Blocking user states disable Call on Behalf",
    "statement": "Every blocking Nimbus user state disables the Call on Behalf button, for example a task that rings (Ringing) or is connected, or ACW.",
    "sources": [
      "https://help.luware.com/task-handling-category/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-09",
    "area": "COB",
    "title": "Call on Behalf beside a parked task (TP)",
    "statement": "A user with TP may start Call on Behalf while another task of theirs is parked.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-10",
    "area": "COB",
    "title": "Where Call on Behalf starts",
    "statement": "Call on Behalf is started from My Overview, Services Overview, Attendant Console or the desktop Assistant; before dialing, the user can switch between every service that qualifies.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-11",
    "area": "COB",
    "title": "Call on Behalf needs no scheduled task",
    "statement": "Call on Behalf works without any scheduled outbound task.",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "COB-12",
    "area": "COB",
    "title": "Call on Behalf rings the user first",
    "statement": "When the user presses Call, Nimbus first sends the user an invitation (which opens the reporting session) and dials the target only afterwards.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-13",
    "area": "COB",
    "title": "Outbound calls ring as Ringing",
    "statement": "A Call on Behalf or outbound service call that is ringing the user puts the task in state `Ringing`.",
    "sources": [
      "https://luware.helpjuice.com/operations-category/service-operations"
    ],
    "inferred": false
  },
  {
    "id": "COB-14",
    "area": "COB",
    "title": "Contact search needs User.Read.All",
    "statement": "Finding O365 contacts in the Call on Behalf dialog needs consent to `User.Read.All`.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-15",
    "area": "COB",
    "title": "Call on Behalf direction call-as",
    "statement": "My Sessions shows Call on Behalf entries with the direction \"call-as\", besides inbound and outbound.",
    "sources": [
      "https://help.luware.com/my-sessions"
    ],
    "inferred": false
  },
  {
    "id": "OUT-01",
    "area": "OUT",
    "title": "Scheduled outbound is Contact Center only",
    "statement": "Scheduled Outbound Calls belong to Contact Center: they wait in a service's queue and go to its users as inbound tasks do.",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "OUT-02",
    "area": "OUT",
    "title": "Outbound creation targets CC services only",
    "statement": "The Power Automate connector creates outbound calls only in services licensed Contact Center.",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "OUT-03",
    "area": "OUT",
    "title": "Limit of scheduled outbound tasks per service",
    "statement": "Per service, the number of outbound tasks scheduled or in progress is capped by `Max Scheduled Outbound Tasks per service` (default 20, from 1 to 50); a flow asking for more gets an error and the task is discarded.",
    "sources": [
      "https://help.luware.com/extensions-tenant-settings"
    ],
    "inferred": false
  },
  {
    "id": "OUT-04",
    "area": "OUT",
    "title": "No outbound calls to federated users",
    "statement": "Outbound calls to users of another tenant (federated) are not supported and the outbound flow actions fail.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "OUT-05",
    "area": "OUT",
    "title": "Outbound with Workflow excludes Voice Message",
    "statement": "Every workflow activity except `Voice Message` can be used in Outbound with Workflow.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "OUT-06",
    "area": "OUT",
    "title": "Outbound ignores preferred users",
    "statement": "Outbound tasks do not use preferred user routing; the distribution policy picks the user.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "OUT-07",
    "area": "OUT",
    "title": "Terminated outbound calls are not reported",
    "statement": "An outbound call that ends as terminated leaves no record in reporting.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "OUT-08",
    "area": "OUT",
    "title": "Outbound audio delay",
    "statement": "Outbound PSTN and UPN calls may have delayed audio after connecting (caused on the Microsoft side); support can turn on an optimized mode per tenant.",
    "sources": [
      "https://help.luware.com/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "OUT-09",
    "area": "OUT",
    "title": "Outbound outcome groups",
    "statement": "Outbound results are grouped as `Outbound Accepted` (outcome group 6) or `Outbound Not Accepted` (outcome group 7).",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "OUT-10",
    "area": "OUT",
    "title": "Transfer on User Exit with outbound workflows",
    "statement": "Outbound with Workflow may use `Transfer on User Exit`, but its target has to be an A/V inbound service.",
    "sources": [
      "https://help.luware.com/en_US/service-administration-category/transfer-on-user-exit"
    ],
    "inferred": false
  },
  {
    "id": "OUT-11",
    "area": "OUT",
    "title": "Outbound tasks widget",
    "statement": "The dashboard widget \"Service Outbound Tasks Tabular\" lists the scheduled outbound tasks.",
    "sources": [
      "https://help.luware.com/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "LIC-01",
    "area": "LIC",
    "title": "PSTN number needs the provisioning script",
    "statement": "A service's PSTN number is entered in General Service Settings and only works once the provisioning script has been run.",
    "sources": [
      "https://help.luware.com/service-administration"
    ],
    "inferred": false
  },
  {
    "id": "LIC-02",
    "area": "LIC",
    "title": "PSTN licenses sit on the resource account",
    "statement": "The PSTN licenses that count are those of the resource account (application instance) of the service that places the PSTN call or transfer.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "LIC-03",
    "area": "LIC",
    "title": "Direct Routing and Operator Connect license",
    "statement": "Services on Direct Routing or Operator Connect need a `Microsoft Teams Phone Resource Account` license.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "LIC-04",
    "area": "LIC",
    "title": "Calling Plan license",
    "statement": "Services on Calling Plan need `Microsoft Teams Phone Resource Account` and, for outbound calls only, one calling plan: `Microsoft Teams Domestic Calling Plan`, `Microsoft Teams Domestic and International Calling Plan` or `Microsoft Teams Calling Plan pay-as-you-go`.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "LIC-05",
    "area": "LIC",
    "title": "Call-handling users need Teams Phone Standard",
    "statement": "Agents who handle calls, and users who are Attendant Console transfer or consultation targets, need `Teams Phone Standard`.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "LIC-06",
    "area": "LIC",
    "title": "Older Direct Routing license requirement",
    "statement": "In older documentation the source service of a Direct Routing trunk needs `Microsoft 365 E1/E3` with `Phone System`, or `Microsoft 365 E5`.",
    "sources": [
      "https://help.luware.com/nimbus/latest/usage-of-nimbus/attendant-console/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "LIC-07",
    "area": "LIC",
    "title": "User licenses are separate from service tiers",
    "statement": "User licenses are independent of service tiers: Nimbus sells a per-user Contact Center license (dashboards, duty states, skills, supervision), an Attendant Console license and an Assistant license.",
    "sources": [
      "https://luware.helpjuice.com/user-administration",
      "https://luware.helpjuice.com/assistant-category/assistant"
    ],
    "inferred": false
  },
  {
    "id": "XFER-01",
    "area": "XFER",
    "title": "Service-to-service transfers are free",
    "statement": "Moving a call from one Nimbus service to another needs no extra license.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-02",
    "area": "XFER",
    "title": "The first answering service's PSTN license counts",
    "statement": "A PSTN transfer uses the PSTN license of the service that answered the call first, and Nimbus opens the transfer session from that service; transfers between services do not change which service that is.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "XFER-03",
    "area": "XFER",
    "title": "Unlicensed first service, failed PSTN transfer",
    "statement": "A PSTN transfer fails when the first answering service holds no PSTN license, whatever the license of the current service; the workflow then takes the Exit announcement route and the service session ends as \"Transfer failed\".",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "XFER-04",
    "area": "XFER",
    "title": "Safe transfer to a service checks only that it exists",
    "statement": "A safe transfer to a service checks only that the target service exists, not its availability or opening hours; as soon as the target's workflow accepts, the source service counts the task as handled.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-05",
    "area": "XFER",
    "title": "Safe transfer keeps the user",
    "statement": "In a safe transfer the transferring user stays in the session and gets the call back if the transfer fails (no answer, rejection or another error).",
    "sources": [
      "https://luware.helpjuice.com/ac-10-category/attendant-safe-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-06",
    "area": "XFER",
    "title": "Blind transfer drops the user",
    "statement": "A blind transfer takes the transferring user out of the session, and the call never comes back to them.",
    "sources": [
      "https://luware.helpjuice.com/attendant-blind-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-07",
    "area": "XFER",
    "title": "PSTN transfers ring up to 2 minutes",
    "statement": "An unanswered call transferred to a PSTN number keeps ringing for up to 2 minutes, and the attendant has no way to cancel it.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-08",
    "area": "XFER",
    "title": "Transfer to Voicemail skips the user",
    "statement": "\"Transfer to Voicemail\" straight from Attendant Console opens no user session and checks no user state.",
    "sources": [
      "https://luware.helpjuice.com/reporting-category/reporting-examples"
    ],
    "inferred": false
  },
  {
    "id": "XFER-09",
    "area": "XFER",
    "title": "Consultation actions",
    "statement": "During a consultation the user can Transfer (and is free immediately), Conference (all three talk), Swap (change who is on hold) or Hangup and Retrieve.",
    "sources": [
      "https://help.luware.com/ac-10-category/attendant-consultation-call"
    ],
    "inferred": false
  },
  {
    "id": "XFER-10",
    "area": "XFER",
    "title": "Context parameters follow transfers",
    "statement": "Safe and blind transfers to users or services carry the custom context parameters along; consultation calls carry no session context.",
    "sources": [
      "https://help.luware.com/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-11",
    "area": "XFER",
    "title": "When a service session ends",
    "statement": "A service session ends when the customer hangs up, or when the service ends the task or hands it to another service; the receiving service starts a new service session inside the same unified conversation.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "XFER-12",
    "area": "XFER",
    "title": "Transfer on User Exit",
    "statement": "`Transfer on User Exit` sends the customer to a configured target service once the last Nimbus user ends the call, and only when a `Record Consent` activity recorded consent (Not Granted unless recorded); consultation calls to a service skip the activity; DTMF in the target requires the target to have a PSTN number.",
    "sources": [
      "https://help.luware.com/en_US/service-administration-category/transfer-on-user-exit"
    ],
    "inferred": false
  },
  {
    "id": "REP-01",
    "area": "REP",
    "title": "One outcome per service session",
    "statement": "Each service session ends with one outcome, and only one, from the fixed \"Service Session Outcomes\" dimension; every outcome belongs to a single outcome group.",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-02",
    "area": "REP",
    "title": "Customer Hangup Before Accept",
    "statement": "The outcome is `Customer Hangup Before Accept` when the customer hangs up before the session has passed the workflow's `Accept` activity.",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-03",
    "area": "REP",
    "title": "Hangups in IVR and queue",
    "statement": "`Customer Hangup In Ivr`: hung up without ever being queued; `Customer Hangup In Queue`: hung up while waiting in the queue; `Customer Hangup In Ivr After Queue`: hung up in the IVR after having been in the queue.",
    "sources": [
      "https://help.luware.com/historic-reporting-category/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-04",
    "area": "REP",
    "title": "User Accepted",
    "statement": "`User Accepted` is the outcome of a task a user connected to, consultation calls with no merge or transfer and External Tasks included.",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-05",
    "area": "REP",
    "title": "The last user outcome decides",
    "statement": "Once a user has transferred a task, the service session's outcome is the outcome of the last user session (the \"last outcome\" rule).",
    "sources": [
      "https://luware.helpjuice.com/reporting-category/reporting-examples"
    ],
    "inferred": false
  },
  {
    "id": "REP-06",
    "area": "REP",
    "title": "Transfer outcome mapping",
    "statement": "Worked cases: A transfers to B who accepts gives A `Transferred Internally`, B `Accepted`, service `User Internal Transfer Success`; A blind-transfers and B ignores gives A `Internal Transfer Failed`, B `Cancelled`, service `User Internal Transfer Failed`; A safe-transfers, B declines and the customer then hangs up gives A `Accepted`, B `Declined`, service `User Accepted`; a consultation to a Nimbus service gives `Transferred Internally` / `Accepted` / internal transfer success; a consultation to a PSTN number gives A `Transferred Externally`, no user session for the target, service `User External Transfer Success`.",
    "sources": [
      "https://luware.helpjuice.com/reporting-category/reporting-examples"
    ],
    "inferred": false
  },
  {
    "id": "REP-07",
    "area": "REP",
    "title": "Several service sessions per conversation",
    "statement": "One unified conversation may hold several service sessions, one for each service the call passes through.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "REP-08",
    "area": "REP",
    "title": "IsUnderSla",
    "statement": "`IsUnderSla` is true when the task waited in the queue for less than the service's SLA time.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "REP-09",
    "area": "REP",
    "title": "Outcome groups are computed in Power BI",
    "statement": "Outcome group, MeansHandled and HandledText are not part of the OData feed; the Power BI template computes them.",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-10",
    "area": "REP",
    "title": "OData keeps 24 months",
    "statement": "OData serves historical data for at most 24 months.",
    "sources": [
      "https://luware.helpjuice.com/reporting-category/nimbus-reporting"
    ],
    "inferred": false
  },
  {
    "id": "REP-11",
    "area": "REP",
    "title": "Task type dimension",
    "statement": "Reporting has a task type dimension, with values like `Inbound Service` and `Inbound Direct`.",
    "sources": [
      "https://help.luware.com/historic-reporting-category/nimbus-reporting-model"
    ],
    "inferred": false
  },
  {
    "id": "REP-12",
    "area": "REP",
    "title": "No ACW in KPIs under Task Parallelization",
    "statement": "KPIs leave out ACW time for users with Task Parallelization.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "REP-13",
    "area": "REP",
    "title": "Outcome colours in My Sessions",
    "statement": "My Sessions colours entries by outcome: green for accepted, red for declined, yellow for RONA, grey for calls the caller abandoned before an answer.",
    "sources": [
      "https://help.luware.com/my-sessions"
    ],
    "inferred": false
  },
  {
    "id": "TASK-01",
    "area": "TASK",
    "title": "Task states",
    "statement": "A live task is always in one state out of `Establishing`, `In IVR`, `In Queue`, `Ringing`, `Connected`, `Parked`, `Transferring`, `Dialing Out`, `In IVR After Queue`, `In ACW`, `Terminated` and `Blocked`.",
    "sources": [
      "https://luware.helpjuice.com/operations-category/service-operations"
    ],
    "inferred": false
  },
  {
    "id": "TASK-02",
    "area": "TASK",
    "title": "Terminated and Blocked are error states",
    "statement": "`Terminated`: reporting considers the call over but the task was never cleaned up; `Blocked`: the task was never cleaned up and no matching call exists; an administrator can remove tasks in either error state.",
    "sources": [
      "https://luware.helpjuice.com/operations-category/service-operations"
    ],
    "inferred": false
  },
  {
    "id": "TASK-03",
    "area": "TASK",
    "title": "In IVR After Queue",
    "statement": "A task that leaves the queue for more workflow/IVR steps is in `In IVR After Queue`.",
    "sources": [
      "https://help.luware.com/historic-reporting-category/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "TASK-04",
    "area": "TASK",
    "title": "Stuck tasks can be deleted",
    "statement": "Administrators may remove stuck tasks from a service's task list.",
    "sources": [
      "https://help.luware.com/nimbus/latest/administration/service-administration"
    ],
    "inferred": false
  },
  {
    "id": "WF-01",
    "area": "WF",
    "title": "Accept starts every workflow",
    "statement": "`Accept` is required in every workflow and must hang directly off the Start node; reporting and KPIs count the task as \"Accepted by System\" from there.",
    "sources": [
      "https://help.luware.com/workflow-activities-category/conversation-handling-activities"
    ],
    "inferred": false
  },
  {
    "id": "WF-02",
    "area": "WF",
    "title": "Accept opens, Disconnect closes",
    "statement": "`Accept` opens a workflow and `Disconnect` closes it.",
    "sources": [
      "https://help.luware.com/workflow-activities-category/conversation-handling-activities"
    ],
    "inferred": false
  },
  {
    "id": "WF-03",
    "area": "WF",
    "title": "Announcement needs Accept first",
    "statement": "An `Announcement` must come after `Accept`; it plays text-to-speech or an audio file.",
    "sources": [
      "https://help.luware.com/workflow-activities-category/conversation-handling-activities"
    ],
    "inferred": false
  },
  {
    "id": "WF-04",
    "area": "WF",
    "title": "Availability Based Routing",
    "statement": "`Availability Based Routing` may run before Accept (it needs no predecessor); it has three exits, chosen by the target service's current availability, which in turn depends on that service's user assignment type.",
    "sources": [
      "https://luware.helpjuice.com/check-activities"
    ],
    "inferred": false
  },
  {
    "id": "WF-05",
    "area": "WF",
    "title": "Where ring timeouts are set",
    "statement": "Distribution type and RONA timeout (the maximum ring time) are set on the `Queue` activity; `Queue Task` and `Transfer` to a user carry a RONA timeout as well.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "WF-06",
    "area": "WF",
    "title": "Failed PSTN transfer takes the Exit route",
    "statement": "When the first-service license rule makes a PSTN transfer fail, the workflow continues through the Exit announcement route.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "WF-07",
    "area": "WF",
    "title": "Voice Message",
    "statement": "The Nimbus Media Bot records a `Voice Message`; the activity cannot be used in Outbound with Workflow.",
    "sources": [
      "https://help.luware.com/service-provisioning-category/nimbus-app-permissions",
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "WF-08",
    "area": "WF",
    "title": "Record Consent",
    "statement": "`Record Consent` stores whether the customer agreed to a purpose, such as Transfer on User Exit; consent that was never recorded is Not Granted.",
    "sources": [
      "https://help.luware.com/en_US/service-administration-category/transfer-on-user-exit"
    ],
    "inferred": false
  },
  {
    "id": "WF-09",
    "area": "WF",
    "title": "Text-to-speech voices",
    "statement": "Text-to-speech activities use Microsoft's engines; a voice that is no longer current keeps working until someone changes it.",
    "sources": [
      "https://help.luware.com/workflow-activities"
    ],
    "inferred": false
  },
  {
    "id": "PERM-01",
    "area": "PERM",
    "title": "Each user consents for themselves",
    "statement": "Every user grants Nimbus's delegated permissions on their own behalf; Basic Search, Exchange Contacts Search and Calendar View are needed to work productively.",
    "sources": [
      "https://help.luware.com/user-preferences-portal-category/nimbus-user-permissions"
    ],
    "inferred": false
  },
  {
    "id": "PERM-02",
    "area": "PERM",
    "title": "Without consent, basic call handling only",
    "statement": "A user without consent can still handle plain Teams calls (accept, hold) but has no attendant functions and does not appear in other users' Contact Search.",
    "sources": [
      "https://help.luware.com/nimbus/latest/usage-of-nimbus/user-settings/required-user-permissions"
    ],
    "inferred": false
  },
  {
    "id": "PERM-03",
    "area": "PERM",
    "title": "Graph reads for the Nimbus app",
    "statement": "The Nimbus app uses Microsoft Graph, with app-only and delegated permissions, to read users, team and group memberships, roles and presence.",
    "sources": [
      "https://help.luware.com/service-provisioning-category/nimbus-app-permissions"
    ],
    "inferred": false
  },
  {
    "id": "PERM-04",
    "area": "PERM",
    "title": "Calling Bot and Media Bot",
    "statement": "The Calling Bot runs every service call and the workflow actions on calls; the Media Bot records voice messages and transcribes.",
    "sources": [
      "https://help.luware.com/nimbus/latest/service-provisioning/required-app-permissions.html"
    ],
    "inferred": false
  },
  {
    "id": "PERM-05",
    "area": "PERM",
    "title": "Extended presence needs Presence.Read.All",
    "statement": "Extended presence tracking requires the application permission `Presence.Read.All`, which a tenant administrator grants.",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-application-permission"
    ],
    "inferred": false
  }
];
