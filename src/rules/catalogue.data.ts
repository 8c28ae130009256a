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
    "title": "A service's available features are governed by its service license tier: `Advanced Routing`, `Enterprise Routing` or `Contact Center`",
    "statement": "A service's available features are governed by its service license tier: `Advanced Routing`, `Enterprise Routing` or `Contact Center`.",
    "sources": [
      "https://help.luware.com/workflow-activities"
    ],
    "inferred": false
  },
  {
    "id": "SVC-02",
    "area": "SVC",
    "title": "The tiers are cumulative: whatever must be removed to leave Enterprise Routing must also be removed to leave Contact Center, i.e",
    "statement": "The tiers are cumulative: whatever must be removed to leave Enterprise Routing must also be removed to leave Contact Center, i.e. CC includes the ER feature set.",
    "sources": [
      "https://help.luware.com/license-downgrade"
    ],
    "inferred": false
  },
  {
    "id": "SVC-03",
    "area": "SVC",
    "title": "A service provisioned from MS Teams receives the `Advanced Routing` license automatically",
    "statement": "A service provisioned from MS Teams receives the `Advanced Routing` license automatically; any higher tier is applied afterwards by an administrator or partner.",
    "sources": [
      "https://help.luware.com/nimbus/latest/service-provisioning"
    ],
    "inferred": false
  },
  {
    "id": "SVC-04",
    "area": "SVC",
    "title": "Each service has exactly one user assignment type: `MS Teams-based` (users synced from the team), `Skill-based` (users added manually from the directory, assigned by skills) or `None` (no users",
    "statement": "Each service has exactly one user assignment type: `MS Teams-based` (users synced from the team), `Skill-based` (users added manually from the directory, assigned by skills) or `None` (no users; IVR or first-level redirect service).",
    "sources": [
      "https://luware.helpjuice.com/service-settings-category/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-05",
    "area": "SVC",
    "title": "The user assignment type is fixed when the service is created",
    "statement": "The user assignment type is fixed when the service is created; a service cannot be switched between MS Teams-based and Skill-based.",
    "sources": [
      "https://luware.helpjuice.com/service-settings-category/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-06",
    "area": "SVC",
    "title": "A service created manually in Service Administration starts with assignment type `None` and zero users",
    "statement": "A service created manually in Service Administration starts with assignment type `None` and zero users; CC users are assigned later.",
    "sources": [
      "https://help.luware.com/nimbus/latest/administration/service-administration/use-case-setting-up-a-contact-center"
    ],
    "inferred": false
  },
  {
    "id": "SVC-07",
    "area": "SVC",
    "title": "In an MS Teams-based service a user leaves the service as soon as they leave the team",
    "statement": "In an MS Teams-based service a user leaves the service as soon as they leave the team; in a Skill-based service the user must be removed manually.",
    "sources": [
      "https://help.luware.com/services-user-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-08",
    "area": "SVC",
    "title": "In MS Teams-based services only users whose per-service `Active` toggle is on receive distributed tasks",
    "statement": "In MS Teams-based services only users whose per-service `Active` toggle is on receive distributed tasks; the toggle is independent per service and can be changed by the user and by team owners.",
    "sources": [
      "https://help.luware.com/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-09",
    "area": "SVC",
    "title": "`New Users immediately active` exists only for MS Teams-based services",
    "statement": "`New Users immediately active` exists only for MS Teams-based services; when on, new team members join as Active.",
    "sources": [
      "https://luware.helpjuice.com/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "SVC-10",
    "area": "SVC",
    "title": "Distribution Policies, Responsibility Profiles and skill-based routing require a `Contact Center` license on both the service and the user",
    "statement": "Distribution Policies, Responsibility Profiles and skill-based routing require a `Contact Center` license on both the service and the user; the user must be added to the service as Agent or Owner.",
    "sources": [
      "https://help.luware.com/distribution-policies"
    ],
    "inferred": false
  },
  {
    "id": "SVC-11",
    "area": "SVC",
    "title": "While the tenant state is `Suspended`, users cannot sign in, inbound and outbound tasks are rejected and incoming calls are diverted to a default announcement workflow",
    "statement": "While the tenant state is `Suspended`, users cannot sign in, inbound and outbound tasks are rejected and incoming calls are diverted to a default announcement workflow.",
    "sources": [
      "https://help.luware.com/administration-category/license-management"
    ],
    "inferred": false
  },
  {
    "id": "SVC-12",
    "area": "SVC",
    "title": "The Power Automate connector (outbound scheduling, external tasks, parameters) is usable only if at least one service in the tenant is ER or CC licensed",
    "statement": "The Power Automate connector (outbound scheduling, external tasks, parameters) is usable only if at least one service in the tenant is ER or CC licensed.",
    "sources": [
      "https://help.luware.com/nimbus-power-automate-connector-category/flow-actions"
    ],
    "inferred": false
  },
  {
    "id": "SVC-13",
    "area": "SVC",
    "title": "A license downgrade is refused while higher-tier features are still configured, e.g",
    "statement": "A license downgrade is refused while higher-tier features are still configured, e.g. ER-only workflow activities (`Check Parameter`, `Check Task`), `Pickup` distribution in a Queue activity, or outbound service call options.",
    "sources": [
      "https://help.luware.com/license-downgrade"
    ],
    "inferred": false
  },
  {
    "id": "MOD-01",
    "area": "MOD",
    "title": "For each modality the service owner selects the workflow that handles it",
    "statement": "For each modality the service owner selects the workflow that handles it; the options offered depend on the service license and enabled modalities.",
    "sources": [
      "https://help.luware.com/service-settings-category/modalities-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "MOD-02",
    "area": "MOD",
    "title": "Enabling `Outbound Conversations` makes the Call on Behalf button available to the service's users and allows scheduled Outbound Calls via the flow action \"Schedule an Outbound Call\"",
    "statement": "Enabling `Outbound Conversations` makes the Call on Behalf button available to the service's users and allows scheduled Outbound Calls via the flow action \"Schedule an Outbound Call\".",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "MOD-03",
    "area": "MOD",
    "title": "Enabling `Outbound with Workflow` allows the flow action \"Schedule an Outbound Call with Workflow\", which calls an external party and routes it through a workflow",
    "statement": "Enabling `Outbound with Workflow` allows the flow action \"Schedule an Outbound Call with Workflow\", which calls an external party and routes it through a workflow.",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "MOD-04",
    "area": "MOD",
    "title": "A change of the assigned workflow takes effect immediately for new tasks",
    "statement": "A change of the assigned workflow takes effect immediately for new tasks.",
    "sources": [
      "https://help.luware.com/service-settings-category/modalities-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "MOD-05",
    "area": "MOD",
    "title": "`Voice Messages Channel` applies only to MS Teams-based services with an A/V workflow",
    "statement": "`Voice Messages Channel` applies only to MS Teams-based services with an A/V workflow; `Voice Message` results are posted as adaptive cards into that Teams channel.",
    "sources": [
      "https://help.luware.com/service-settings-category/modalities-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "MOD-06",
    "area": "MOD",
    "title": "The workflow editor lists every activity regardless of license, but a workflow that contains activities the service is not licensed for cannot be assigned in Modalities Service Settings",
    "statement": "The workflow editor lists every activity regardless of license, but a workflow that contains activities the service is not licensed for cannot be assigned in Modalities Service Settings.",
    "sources": [
      "https://help.luware.com/workflow-activities"
    ],
    "inferred": false
  },
  {
    "id": "PRES-01",
    "area": "PRES",
    "title": "A user whose Teams presence is `Offline` or `Appear Offline` is never offered a Nimbus task",
    "statement": "A user whose Teams presence is `Offline` or `Appear Offline` is never offered a Nimbus task.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "PRES-02",
    "area": "PRES",
    "title": "`Available` is always presence-eligible",
    "statement": "`Available` is always presence-eligible.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "PRES-03",
    "area": "PRES",
    "title": "`Do Not Disturb` is never presence-eligible for distributed tasks",
    "statement": "`Do Not Disturb` is never presence-eligible for distributed tasks.",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-application-permission"
    ],
    "inferred": false
  },
  {
    "id": "PRES-04",
    "area": "PRES",
    "title": "`Busy` with activity `In a call` is never presence-eligible",
    "statement": "`Busy` with activity `In a call` is never presence-eligible.",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-application-permission"
    ],
    "inferred": false
  },
  {
    "id": "PRES-05",
    "area": "PRES",
    "title": "`Busy` (and `Busy` in a meeting), `Away`, `Be right back` and `Appear Away` are presence-eligible only when the service's Conversations Distribution settings opt in (\"Busy available\" / \"Away available\")",
    "statement": "`Busy` (and `Busy` in a meeting), `Away`, `Be right back` and `Appear Away` are presence-eligible only when the service's Conversations Distribution settings opt in (\"Busy available\" / \"Away available\"); the opt-in is per service.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "PRES-06",
    "area": "PRES",
    "title": "Separating \"Busy in a call\" from plain \"Busy\" requires extended presence tracking, which needs the application permission `Presence.Read.All` (older setups used invited guest accounts)",
    "statement": "Separating \"Busy in a call\" from plain \"Busy\" requires extended presence tracking, which needs the application permission `Presence.Read.All` (older setups used invited guest accounts).",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-application-permission"
    ],
    "inferred": false
  },
  {
    "id": "PRES-07",
    "area": "PRES",
    "title": "Without extended presence tracking, \"Busy in a call\" is indistinguishable from \"Busy\" and follows the service's Busy opt-in",
    "statement": "Without extended presence tracking, \"Busy in a call\" is indistinguishable from \"Busy\" and follows the service's Busy opt-in.",
    "sources": [],
    "inferred": true
  },
  {
    "id": "PRES-08",
    "area": "PRES",
    "title": "Teams switches a user to Busy only once a call is established, so a user who is still dialing a non-Nimbus outbound call can be offered a task",
    "statement": "Teams switches a user to Busy only once a call is established, so a user who is still dialing a non-Nimbus outbound call can be offered a task.",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-azure-guest-accounts"
    ],
    "inferred": false
  },
  {
    "id": "PRES-09",
    "area": "PRES",
    "title": "If the tenant has Enhanced Presence Privacy Mode enabled, Nimbus sees every user as Offline and distributes nothing",
    "statement": "If the tenant has Enhanced Presence Privacy Mode enabled, Nimbus sees every user as Offline and distributes nothing.",
    "sources": [
      "https://help.luware.com/service-provisioning-category/service-provisioning"
    ],
    "inferred": false
  },
  {
    "id": "PRES-10",
    "area": "PRES",
    "title": "Presence eligibility never replaces the service gate: a user must also be Active (Teams-based) or On Duty with matching skills (CC)",
    "statement": "Presence eligibility never replaces the service gate: a user must also be Active (Teams-based) or On Duty with matching skills (CC).",
    "sources": [
      "https://luware.helpjuice.com/distribution-service-settings"
    ],
    "inferred": false
  },
  {
    "id": "PRES-11",
    "area": "PRES",
    "title": "When a user changes Teams presence, manually or via idle timeout, Nimbus requests a `Not Available Reason` from them",
    "statement": "When a user changes Teams presence, manually or via idle timeout, Nimbus requests a `Not Available Reason` from them.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "PRES-12",
    "area": "PRES",
    "title": "Parking removes the user from the Teams conference so their presence returns to Available",
    "statement": "Parking removes the user from the Teams conference so their presence returns to Available; Hold keeps them in the conference with presence \"Busy in a call\".",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "US-01",
    "area": "US",
    "title": "Selectability is a layered check: (1) Teams presence, (2) service assignment (Active toggle or duty state/skills), (3) blocking status flags",
    "statement": "Selectability is a layered check: (1) Teams presence, (2) service assignment (Active toggle or duty state/skills), (3) blocking status flags; the result is binary, `Selectable` or `Not Selectable`.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-02",
    "area": "US",
    "title": "An offline user has no duty state and receives no tasks",
    "statement": "An offline user has no duty state and receives no tasks.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-03",
    "area": "US",
    "title": "For an MS Teams-based service, an online user with eligible presence who is Active for that service and carries no blocking flag is selectable",
    "statement": "For an MS Teams-based service, an online user with eligible presence who is Active for that service and carries no blocking flag is selectable.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-04",
    "area": "US",
    "title": "For a CC service, the user must be online, CC-licensed, assigned to the service as Agent, in a responsibility profile of type On Duty, and that profile's skills and responsibilities must satisfy the service's distribution policy",
    "statement": "For a CC service, the user must be online, CC-licensed, assigned to the service as Agent, in a responsibility profile of type On Duty, and that profile's skills and responsibilities must satisfy the service's distribution policy.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-05",
    "area": "US",
    "title": "An Off Duty profile excludes the user from all CC distribution but not from non-CC services, where they can stay fully available",
    "statement": "An Off Duty profile excludes the user from all CC distribution but not from non-CC services, where they can stay fully available.",
    "sources": [
      "https://help.luware.com/duty-states"
    ],
    "inferred": false
  },
  {
    "id": "US-06",
    "area": "US",
    "title": "The two standard profile types are On Duty and Off Duty",
    "statement": "The two standard profile types are On Duty and Off Duty; administrators may create further responsibility profiles with their own skill levels.",
    "sources": [
      "https://help.luware.com/responsibility-profiles"
    ],
    "inferred": false
  },
  {
    "id": "US-07",
    "area": "US",
    "title": "A CC user can switch duty state / responsibility profile at any time via Assistant (portal or desktop)",
    "statement": "A CC user can switch duty state / responsibility profile at any time via Assistant (portal or desktop); the new profile applies from the next incoming task.",
    "sources": [
      "https://help.luware.com/responsibility-profiles"
    ],
    "inferred": false
  },
  {
    "id": "US-08",
    "area": "US",
    "title": "Blocking status flags are `Not Available Reason`, `RONA`, `Ringing`, `Connected` and `ACW`",
    "statement": "Blocking status flags are `Not Available Reason`, `RONA`, `Ringing`, `Connected` and `ACW`; while any of them is set the user is not selectable.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-09",
    "area": "US",
    "title": "`Ringing` means the user is reserved for an offered task that they have not yet accepted",
    "statement": "`Ringing` means the user is reserved for an offered task that they have not yet accepted.",
    "sources": [
      "https://help.luware.com/nimbus/latest/introduction-to-nimbus/task-distribution/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-10",
    "area": "US",
    "title": "`Connected` means the user accepted a task and is blocked by it",
    "statement": "`Connected` means the user accepted a task and is blocked by it; without TP a parked or held task also keeps the user Connected.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "US-11",
    "area": "US",
    "title": "\"Busy / Selectable\" and \"Away / Selectable\" (presence opt-ins) count as selectable states",
    "statement": "\"Busy / Selectable\" and \"Away / Selectable\" (presence opt-ins) count as selectable states.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-12",
    "area": "US",
    "title": "A user set inactive in all MS Teams-based services is not selectable for them",
    "statement": "A user set inactive in all MS Teams-based services is not selectable for them.",
    "sources": [
      "https://luware.helpjuice.com/task-handling-concept-category/user-states"
    ],
    "inferred": false
  },
  {
    "id": "US-13",
    "area": "US",
    "title": "Blocking flags (Ringing, Connected, RONA, ACW) apply across all services of the user, not only the service that caused them (documented only for ACW, see ACW-04)",
    "statement": "Blocking flags (Ringing, Connected, RONA, ACW) apply across all services of the user, not only the service that caused them (documented only for ACW, see ACW-04).",
    "sources": [],
    "inferred": true
  },
  {
    "id": "US-14",
    "area": "US",
    "title": "The \"Available\" counter in Services Overview counts service members currently in an Available user state",
    "statement": "The \"Available\" counter in Services Overview counts service members currently in an Available user state.",
    "sources": [
      "https://help.luware.com/services-overview"
    ],
    "inferred": false
  },
  {
    "id": "DIST-01",
    "area": "DIST",
    "title": "Every incoming task is queued",
    "statement": "Every incoming task is queued; the Queue workflow activity's distribution type decides how it is offered.",
    "sources": [
      "https://help.luware.com/distribution-types"
    ],
    "inferred": false
  },
  {
    "id": "DIST-02",
    "area": "DIST",
    "title": "`Broadcast` rings a batch of the 10 longest-idle selectable users at once",
    "statement": "`Broadcast` rings a batch of the 10 longest-idle selectable users at once; the first to accept gets the task; all batch members are Not Available while it rings; RONA is never set.",
    "sources": [
      "https://help.luware.com/distribution-types"
    ],
    "inferred": false
  },
  {
    "id": "DIST-03",
    "area": "DIST",
    "title": "`Direct` offers the task to the single longest-idle Active user via a Teams peer-to-peer call that is then escalated into the Nimbus conference",
    "statement": "`Direct` offers the task to the single longest-idle Active user via a Teams peer-to-peer call that is then escalated into the Nimbus conference.",
    "sources": [
      "https://help.luware.com/distribution-types"
    ],
    "inferred": false
  },
  {
    "id": "DIST-04",
    "area": "DIST",
    "title": "`Direct Conference` uses the same selection as Direct but invites the user straight into the conference",
    "statement": "`Direct Conference` uses the same selection as Direct but invites the user straight into the conference; it is the recommended default.",
    "sources": [
      "https://help.luware.com/distribution-types"
    ],
    "inferred": false
  },
  {
    "id": "DIST-05",
    "area": "DIST",
    "title": "`Pickup` shows pickup controls and lets users take queued tasks manually",
    "statement": "`Pickup` shows pickup controls and lets users take queued tasks manually; it is being discontinued and is not allowed below Enterprise Routing.",
    "sources": [
      "https://help.luware.com/license-downgrade"
    ],
    "inferred": false
  },
  {
    "id": "DIST-06",
    "area": "DIST",
    "title": "A distribution policy is an ordered set of levels, each a skills/responsibilities filter",
    "statement": "A distribution policy is an ordered set of levels, each a skills/responsibilities filter; a queued task escalates level by level over time, usually widening the eligible pool.",
    "sources": [
      "https://help.luware.com/distribution-policies"
    ],
    "inferred": false
  },
  {
    "id": "DIST-07",
    "area": "DIST",
    "title": "Users without a CC license cannot be chosen as preferred users",
    "statement": "Users without a CC license cannot be chosen as preferred users.",
    "sources": [
      "https://help.luware.com/distribution-policies"
    ],
    "inferred": false
  },
  {
    "id": "DIST-08",
    "area": "DIST",
    "title": "Preferred user routing is ignored for outbound tasks",
    "statement": "Preferred user routing is ignored for outbound tasks; outbound selection uses the distribution policy.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "DIST-09",
    "area": "DIST",
    "title": "Each service session records the distribution level (`DistributionPolicyLevel`) at which the user was selected, and the algorithm used",
    "statement": "Each service session records the distribution level (`DistributionPolicyLevel`) at which the user was selected, and the algorithm used.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "RONA-01",
    "area": "RONA",
    "title": "A user who ignores an offered task, or does not answer before the ring timeout (\"RONA Timeout (Max",
    "statement": "A user who ignores an offered task, or does not answer before the ring timeout (\"RONA Timeout (Max. Ring Time)\" of the `Queue`, `Queue Task` or `Transfer` to user activity), is flagged RONA.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-02",
    "area": "RONA",
    "title": "The task that caused RONA is not lost: it returns to the queue, or the workflow handles it otherwise",
    "statement": "The task that caused RONA is not lost: it returns to the queue, or the workflow handles it otherwise.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-03",
    "area": "RONA",
    "title": "RONA is never applied when the Queue activity uses `Broadcast`",
    "statement": "RONA is never applied when the Queue activity uses `Broadcast`.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-04",
    "area": "RONA",
    "title": "While flagged RONA the user is not selectable and receives no task invitations",
    "statement": "While flagged RONA the user is not selectable and receives no task invitations.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-05",
    "area": "RONA",
    "title": "`Persistent RONA` is a per-service toggle in Distribution Service Settings",
    "statement": "`Persistent RONA` is a per-service toggle in Distribution Service Settings; default off.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-06",
    "area": "RONA",
    "title": "With Persistent RONA on, a CC-licensed user of that service gets a persistent RONA flag when they decline a task from that service or ignore its invitation",
    "statement": "With Persistent RONA on, a CC-licensed user of that service gets a persistent RONA flag when they decline a task from that service or ignore its invitation.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-07",
    "area": "RONA",
    "title": "`RONA Reset Time` is mandatory, format hh:mm:ss, default 10 minutes, minimum 10 seconds",
    "statement": "`RONA Reset Time` is mandatory, format hh:mm:ss, default 10 minutes, minimum 10 seconds; the maximum is documented as \"320 min (8h)\" (inconsistent, see Open questions).",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-08",
    "area": "RONA",
    "title": "An active persistent RONA ends when any of these occurs: the reset time elapses",
    "statement": "An active persistent RONA ends when any of these occurs: the reset time elapses; the user resets it manually in Assistant; the user goes Offline in Teams; the user switches to Off Duty.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-09",
    "area": "RONA",
    "title": "Assistant shows a count-up timer beside the manual reset button while RONA is active",
    "statement": "Assistant shows a count-up timer beside the manual reset button while RONA is active.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-10",
    "area": "RONA",
    "title": "Changing Persistent RONA or RONA Reset Time does not alter RONA flags already set",
    "statement": "Changing Persistent RONA or RONA Reset Time does not alter RONA flags already set.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "RONA-11",
    "area": "RONA",
    "title": "A CC user in persistent RONA cannot start outbound service calls (COB)",
    "statement": "A CC user in persistent RONA cannot start outbound service calls (COB).",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "RONA-12",
    "area": "RONA",
    "title": "Persistent RONA still applies to users with Task Parallelization enabled, even if they already hold other tasks",
    "statement": "Persistent RONA still applies to users with Task Parallelization enabled, even if they already hold other tasks.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "RONA-13",
    "area": "RONA",
    "title": "RONA events are written to the reporting model and appear in My Sessions (yellow marker) next to Accepted, Declined and Cancelled entries",
    "statement": "RONA events are written to the reporting model and appear in My Sessions (yellow marker) next to Accepted, Declined and Cancelled entries.",
    "sources": [
      "https://help.luware.com/my-sessions"
    ],
    "inferred": false
  },
  {
    "id": "RONA-14",
    "area": "RONA",
    "title": "A non-persistent RONA flag blocks the user only for the immediately following distribution attempts and clears without user action",
    "statement": "A non-persistent RONA flag blocks the user only for the immediately following distribution attempts and clears without user action.",
    "sources": [],
    "inferred": true
  },
  {
    "id": "ACW-01",
    "area": "ACW",
    "title": "ACW is a CC feature enabled per service with `Enable ACW Time` in Distribution Service Settings",
    "statement": "ACW is a CC feature enabled per service with `Enable ACW Time` in Distribution Service Settings.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-02",
    "area": "ACW",
    "title": "When enabled, ACW is appended to the end of every session of that service, whatever the modality",
    "statement": "When enabled, ACW is appended to the end of every session of that service, whatever the modality.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-03",
    "area": "ACW",
    "title": "The default ACW duration is 20 seconds",
    "statement": "The default ACW duration is 20 seconds.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-04",
    "area": "ACW",
    "title": "During ACW the user is `NotSelectable` and blocked from tasks of all Nimbus services",
    "statement": "During ACW the user is `NotSelectable` and blocked from tasks of all Nimbus services.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-05",
    "area": "ACW",
    "title": "With `Allow Early End`, any user of the service may stop the ACW counter at any moment and becomes available again",
    "statement": "With `Allow Early End`, any user of the service may stop the ACW counter at any moment and becomes available again.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-06",
    "area": "ACW",
    "title": "With `Allow Time Extension`, a user may extend ACW",
    "statement": "With `Allow Time Extension`, a user may extend ACW; the extension equals `Maximum ACW Extension Time` and starts as a fresh counter instead of being added to the time still remaining.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-07",
    "area": "ACW",
    "title": "Without early end or extension, ACW ends automatically when its counter reaches zero",
    "statement": "Without early end or extension, ACW ends automatically when its counter reaches zero.",
    "sources": [],
    "inferred": true
  },
  {
    "id": "ACW-08",
    "area": "ACW",
    "title": "ACW is shown and controlled in My Sessions, in the portal and in the Assistant app",
    "statement": "ACW is shown and controlled in My Sessions, in the portal and in the Assistant app.",
    "sources": [
      "https://help.luware.com/task-handling-concept-category/after-call-work-acw"
    ],
    "inferred": false
  },
  {
    "id": "ACW-09",
    "area": "ACW",
    "title": "A CC user in ACW or extended ACW cannot start COB",
    "statement": "A CC user in ACW or extended ACW cannot start COB.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "ACW-10",
    "area": "ACW",
    "title": "A User Supervisor can act on the ACW of users they supervise",
    "statement": "A User Supervisor can act on the ACW of users they supervise.",
    "sources": [
      "https://help.luware.com/personal-dashboards-category/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "ACW-11",
    "area": "ACW",
    "title": "While its user is in ACW, the task is shown in the (normally hidden) task state `In ACW`",
    "statement": "While its user is in ACW, the task is shown in the (normally hidden) task state `In ACW`.",
    "sources": [
      "https://luware.helpjuice.com/operations-category/service-operations"
    ],
    "inferred": false
  },
  {
    "id": "ACW-12",
    "area": "ACW",
    "title": "ACW duration is stored per service session as `AcwTime`",
    "statement": "ACW duration is stored per service session as `AcwTime`.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "ACW-13",
    "area": "ACW",
    "title": "For a user with Task Parallelization, ACW is disabled",
    "statement": "For a user with Task Parallelization, ACW is disabled; the newer documentation adds one exception: ACW still starts when an active (not parked) A/V session ends, including consultation calls to services, while parked sessions and other modalities never start ACW.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "PAR-01",
    "area": "PAR",
    "title": "Parking is available to every user without extra configuration, for the `Audio / Video` and `External Task` modalities",
    "statement": "Parking is available to every user without extra configuration, for the `Audio / Video` and `External Task` modalities.",
    "sources": [
      "https://help.luware.com/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-02",
    "area": "PAR",
    "title": "Parking a call plays wait music to the caller, removes the user from the Teams conference, starts a separate Parked timer and moves the card to \"Parked Sessions\"",
    "statement": "Parking a call plays wait music to the caller, removes the user from the Teams conference, starts a separate Parked timer and moves the card to \"Parked Sessions\".",
    "sources": [
      "https://help.luware.com/attendant-park-and-unpark"
    ],
    "inferred": false
  },
  {
    "id": "PAR-03",
    "area": "PAR",
    "title": "Without TP, a user with a parked task stays Connected and gets no other Nimbus task, but may take non-Nimbus Teams calls",
    "statement": "Without TP, a user with a parked task stays Connected and gets no other Nimbus task, but may take non-Nimbus Teams calls.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-04",
    "area": "PAR",
    "title": "Hold keeps the user in the conference (Teams shows \"Busy in a call\") and always blocks the user for other Nimbus tasks, with or without TP",
    "statement": "Hold keeps the user in the conference (Teams shows \"Busy in a call\") and always blocks the user for other Nimbus tasks, with or without TP.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-05",
    "area": "PAR",
    "title": "Park time is excluded from connected-time KPIs (only talk time counts)",
    "statement": "Park time is excluded from connected-time KPIs (only talk time counts); hold time is included.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-06",
    "area": "PAR",
    "title": "`HoldTime` and `HoldCount` exclude park attempts",
    "statement": "`HoldTime` and `HoldCount` exclude park attempts.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "PAR-07",
    "area": "PAR",
    "title": "Transcription stops while a task is parked",
    "statement": "Transcription stops while a task is parked; the transcription bot rejoins on unpark.",
    "sources": [
      "https://help.luware.com/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-08",
    "area": "PAR",
    "title": "A running supervision is ended by parking and is not restored on unpark",
    "statement": "A running supervision is ended by parking and is not restored on unpark.",
    "sources": [
      "https://help.luware.com/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-09",
    "area": "PAR",
    "title": "Unparking sends the user a Teams invitation",
    "statement": "Unparking sends the user a Teams invitation; only after they accept does the music stop and the conversation resume.",
    "sources": [
      "https://help.luware.com/attendant-park-and-unpark"
    ],
    "inferred": false
  },
  {
    "id": "PAR-10",
    "area": "PAR",
    "title": "Hanging up a parked call ends it for the caller and frees the user immediately for the next task",
    "statement": "Hanging up a parked call ends it for the caller and frees the user immediately for the next task.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-park-and-unpark"
    ],
    "inferred": false
  },
  {
    "id": "PAR-11",
    "area": "PAR",
    "title": "A parked task is resumed by the same user who parked it",
    "statement": "A parked task is resumed by the same user who parked it.",
    "sources": [
      "https://help.luware.com/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-12",
    "area": "PAR",
    "title": "TP is a per-user setting in General User Settings, off by default",
    "statement": "TP is a per-user setting in General User Settings, off by default.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "PAR-13",
    "area": "PAR",
    "title": "Only parked tasks are parallelized",
    "statement": "Only parked tasks are parallelized; a held task is never treated as parallel.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "PAR-14",
    "area": "PAR",
    "title": "With TP, parking is non-blocking until the user reaches their maximum number of parallel tasks",
    "statement": "With TP, parking is non-blocking until the user reaches their maximum number of parallel tasks; only one task can be active at a time, so the active task must be parked before another is resumed.",
    "sources": [
      "https://help.luware.com/task-handling-category/parking"
    ],
    "inferred": false
  },
  {
    "id": "PAR-15",
    "area": "PAR",
    "title": "The TP maximum is documented as two tasks (allowed pairs: A/V + A/V, or any modality + A/V) in one version and four tasks in a newer version",
    "statement": "The TP maximum is documented as two tasks (allowed pairs: A/V + A/V, or any modality + A/V) in one version and four tasks in a newer version; general and per-modality limits are configurable in General User Settings.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "PAR-16",
    "area": "PAR",
    "title": "With TP, a user may start COB while another task is parked",
    "statement": "With TP, a user may start COB while another task is parked.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "PAR-17",
    "area": "PAR",
    "title": "A consultation call can only be started from an active call",
    "statement": "A consultation call can only be started from an active call; parking the call disables the consultation option.",
    "sources": [
      "https://help.luware.com/ac-10-category/attendant-consultation-call"
    ],
    "inferred": false
  },
  {
    "id": "PAR-18",
    "area": "PAR",
    "title": "Services Overview shows each user's remaining capacity for parallel tasks",
    "statement": "Services Overview shows each user's remaining capacity for parallel tasks.",
    "sources": [
      "https://help.luware.com/services-overview"
    ],
    "inferred": false
  },
  {
    "id": "SUP-01",
    "area": "SUP",
    "title": "Supervision requires a Contact Center license and the `Service Supervisor` role (service sessions) or `User Supervisor` role (user controls)",
    "statement": "Supervision requires a Contact Center license and the `Service Supervisor` role (service sessions) or `User Supervisor` role (user controls).",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-02",
    "area": "SUP",
    "title": "Supervisors can see and act only on users and services inside the Organization Units where they hold the supervisor role",
    "statement": "Supervisors can see and act only on users and services inside the Organization Units where they hold the supervisor role.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-03",
    "area": "SUP",
    "title": "A session becomes visible for supervision only after Nimbus has distributed it to a user (team member, agent or attendant)",
    "statement": "A session becomes visible for supervision only after Nimbus has distributed it to a user (team member, agent or attendant).",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-04",
    "area": "SUP",
    "title": "Scheduled Outbound Calls and COB sessions can be supervised because each belongs to one specific service",
    "statement": "Scheduled Outbound Calls and COB sessions can be supervised because each belongs to one specific service; this includes COB started while another task is parked.",
    "sources": [
      "https://help.luware.com/personal-dashboards-category/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-05",
    "area": "SUP",
    "title": "`Listen`: the supervisor hears caller and user and cannot speak",
    "statement": "`Listen`: the supervisor hears caller and user and cannot speak; user and supervisor hear 1 beep on join.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-06",
    "area": "SUP",
    "title": "`Whisper`: the supervisor hears both and can speak to the user only",
    "statement": "`Whisper`: the supervisor hears both and can speak to the user only; 2 beeps on join.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-07",
    "area": "SUP",
    "title": "`Barge In`: the supervisor hears both and can speak to everyone",
    "statement": "`Barge In`: the supervisor hears both and can speak to everyone; 3 beeps on join.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-08",
    "area": "SUP",
    "title": "`Listen` ends when the session is transferred, the user leaves or the customer leaves",
    "statement": "`Listen` ends when the session is transferred, the user leaves or the customer leaves.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-09",
    "area": "SUP",
    "title": "`Whisper` ends when the session is transferred or the user leaves",
    "statement": "`Whisper` ends when the session is transferred or the user leaves; the session itself persists as long as either the user or the supervisor is still present.",
    "sources": [
      "https://help.luware.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-10",
    "area": "SUP",
    "title": "If the user parks during Listen or Whisper the caller hears music",
    "statement": "If the user parks during Listen or Whisper the caller hears music; during Barge In no music is played to the caller.",
    "sources": [
      "https://luware.helpjuice.com/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-11",
    "area": "SUP",
    "title": "`Barge In` ends under the same conditions as Whisper",
    "statement": "`Barge In` ends under the same conditions as Whisper.",
    "sources": [],
    "inferred": true
  },
  {
    "id": "SUP-12",
    "area": "SUP",
    "title": "User Supervision lets a supervisor change the duty state and act on the ACW of supervised users",
    "statement": "User Supervision lets a supervisor change the duty state and act on the ACW of supervised users.",
    "sources": [
      "https://help.luware.com/personal-dashboards-category/dashboard-supervision"
    ],
    "inferred": false
  },
  {
    "id": "SUP-13",
    "area": "SUP",
    "title": "Supervisors can abort an External Task early",
    "statement": "Supervisors can abort an External Task early.",
    "sources": [
      "https://help.luware.com/external-task"
    ],
    "inferred": false
  },
  {
    "id": "COB-01",
    "area": "COB",
    "title": "COB is offered only for services licensed `Enterprise Routing` or `Contact Center`",
    "statement": "COB is offered only for services licensed `Enterprise Routing` or `Contact Center`.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-02",
    "area": "COB",
    "title": "Services with user assignment type `None` (basic IVR / redirect services) never appear in the COB service selection",
    "statement": "Services with user assignment type `None` (basic IVR / redirect services) never appear in the COB service selection.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-03",
    "area": "COB",
    "title": "COB for a service requires `Outbound Conversations` enabled in its Modalities Service Settings",
    "statement": "COB for a service requires `Outbound Conversations` enabled in its Modalities Service Settings.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-04",
    "area": "COB",
    "title": "The COB button is disabled unless the user is online in Teams",
    "statement": "The COB button is disabled unless the user is online in Teams.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-05",
    "area": "COB",
    "title": "DND does not disable the COB button, and the service's Busy/Away availability opt-ins are not evaluated for COB",
    "statement": "DND does not disable the COB button, and the service's Busy/Away availability opt-ins are not evaluated for COB.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-06",
    "area": "COB",
    "title": "Without a PSTN number on the service, the dial pad is disabled and only UPN targets (internal users and services) can be called",
    "statement": "Without a PSTN number on the service, the dial pad is disabled and only UPN targets (internal users and services) can be called.",
    "sources": [
      "https://help.luware.com/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "COB-07",
    "area": "COB",
    "title": "A CC user in persistent RONA or in (extended) ACW cannot start COB",
    "statement": "A CC user in persistent RONA or in (extended) ACW cannot start COB.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-08",
    "area": "COB",
    "title": "Any blocking Nimbus user state disables the COB button, e.g",
    "statement": "Any blocking Nimbus user state disables the COB button, e.g. an incoming (Ringing) or connected task, or ACW.",
    "sources": [
      "https://help.luware.com/task-handling-category/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-09",
    "area": "COB",
    "title": "With TP enabled, COB is allowed while the user has another task parked",
    "statement": "With TP enabled, COB is allowed while the user has another task parked.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-10",
    "area": "COB",
    "title": "COB can be started from My Overview, Services Overview and Attendant Console (and from the desktop Assistant)",
    "statement": "COB can be started from My Overview, Services Overview and Attendant Console (and from the desktop Assistant); the user may switch among all services that meet the preconditions before dialing.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-11",
    "area": "COB",
    "title": "COB does not need any scheduled outbound task to exist",
    "statement": "COB does not need any scheduled outbound task to exist.",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "COB-12",
    "area": "COB",
    "title": "After the user presses Call, Nimbus first rings the user with an invitation (to open the reporting session) and only then dials the target",
    "statement": "After the user presses Call, Nimbus first rings the user with an invitation (to open the reporting session) and only then dials the target.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-13",
    "area": "COB",
    "title": "While a COB or outbound service call rings the user, the task is in state `Ringing`",
    "statement": "While a COB or outbound service call rings the user, the task is in state `Ringing`.",
    "sources": [
      "https://luware.helpjuice.com/operations-category/service-operations"
    ],
    "inferred": false
  },
  {
    "id": "COB-14",
    "area": "COB",
    "title": "Searching O365 contacts in the COB dialog requires consent for `User.Read.All`",
    "statement": "Searching O365 contacts in the COB dialog requires consent for `User.Read.All`.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "COB-15",
    "area": "COB",
    "title": "My Sessions marks COB entries with the direction \"call-as\" (next to inbound and outbound)",
    "statement": "My Sessions marks COB entries with the direction \"call-as\" (next to inbound and outbound).",
    "sources": [
      "https://help.luware.com/my-sessions"
    ],
    "inferred": false
  },
  {
    "id": "OUT-01",
    "area": "OUT",
    "title": "Scheduled Outbound Calls are a CC feature: they are queued in a service and distributed to its users like inbound tasks",
    "statement": "Scheduled Outbound Calls are a CC feature: they are queued in a service and distributed to its users like inbound tasks.",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "OUT-02",
    "area": "OUT",
    "title": "Only CC-licensed services can be the target of outbound call creation in the Power Automate connector",
    "statement": "Only CC-licensed services can be the target of outbound call creation in the Power Automate connector.",
    "sources": [
      "https://help.luware.com/task-handling-category/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "OUT-03",
    "area": "OUT",
    "title": "At most `Max Scheduled Outbound Tasks per service` outbound tasks can be scheduled or in progress per service (default 20, minimum 1, maximum 50)",
    "statement": "At most `Max Scheduled Outbound Tasks per service` outbound tasks can be scheduled or in progress per service (default 20, minimum 1, maximum 50); a request beyond the limit returns a flow error and the task is dropped.",
    "sources": [
      "https://help.luware.com/extensions-tenant-settings"
    ],
    "inferred": false
  },
  {
    "id": "OUT-04",
    "area": "OUT",
    "title": "Outbound calls to federated (external-tenant) users are not supported",
    "statement": "Outbound calls to federated (external-tenant) users are not supported; the outbound flow actions return an error.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "OUT-05",
    "area": "OUT",
    "title": "Outbound Call with Workflow supports every workflow activity except `Voice Message`",
    "statement": "Outbound Call with Workflow supports every workflow activity except `Voice Message`.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "OUT-06",
    "area": "OUT",
    "title": "Preferred user routing is not applied to outbound tasks",
    "statement": "Preferred user routing is not applied to outbound tasks; the distribution policy decides.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "OUT-07",
    "area": "OUT",
    "title": "Outbound calls that end as terminated are not written to reporting",
    "statement": "Outbound calls that end as terminated are not written to reporting.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "OUT-08",
    "area": "OUT",
    "title": "Outbound PSTN and UPN calls can show an audio delay after connection (Microsoft side)",
    "statement": "Outbound PSTN and UPN calls can show an audio delay after connection (Microsoft side); an optimized mode can be switched on per tenant by support.",
    "sources": [
      "https://help.luware.com/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "OUT-09",
    "area": "OUT",
    "title": "Outbound results are grouped under outcome groups `Outbound Accepted` (6) and `Outbound Not Accepted` (7)",
    "statement": "Outbound results are grouped under outcome groups `Outbound Accepted` (6) and `Outbound Not Accepted` (7).",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "OUT-10",
    "area": "OUT",
    "title": "`Transfer on User Exit` can be used with Outbound with Workflow",
    "statement": "`Transfer on User Exit` can be used with Outbound with Workflow; the target must still be an A/V inbound service.",
    "sources": [
      "https://help.luware.com/en_US/service-administration-category/transfer-on-user-exit"
    ],
    "inferred": false
  },
  {
    "id": "OUT-11",
    "area": "OUT",
    "title": "Scheduled outbound tasks are listed in the \"Service Outbound Tasks Tabular\" dashboard widget",
    "statement": "Scheduled outbound tasks are listed in the \"Service Outbound Tasks Tabular\" dashboard widget.",
    "sources": [
      "https://help.luware.com/outbound-call"
    ],
    "inferred": false
  },
  {
    "id": "LIC-01",
    "area": "LIC",
    "title": "A service's PSTN number is set in General Service Settings and becomes effective only after the provisioning script has run",
    "statement": "A service's PSTN number is set in General Service Settings and becomes effective only after the provisioning script has run.",
    "sources": [
      "https://help.luware.com/service-administration"
    ],
    "inferred": false
  },
  {
    "id": "LIC-02",
    "area": "LIC",
    "title": "PSTN licenses are assigned to the application instance (resource account) of the source service that performs the PSTN call or transfer",
    "statement": "PSTN licenses are assigned to the application instance (resource account) of the source service that performs the PSTN call or transfer.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "LIC-03",
    "area": "LIC",
    "title": "Direct Routing and Operator Connect services need `Microsoft Teams Phone Resource Account`",
    "statement": "Direct Routing and Operator Connect services need `Microsoft Teams Phone Resource Account`.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "LIC-04",
    "area": "LIC",
    "title": "Calling Plan services need `Microsoft Teams Phone Resource Account` plus one calling plan (`Microsoft Teams Domestic Calling Plan`, `Microsoft Teams Domestic and International Calling Plan` or `Microsoft Teams Calling Plan pay-as-you-go`)",
    "statement": "Calling Plan services need `Microsoft Teams Phone Resource Account` plus one calling plan (`Microsoft Teams Domestic Calling Plan`, `Microsoft Teams Domestic and International Calling Plan` or `Microsoft Teams Calling Plan pay-as-you-go`); the calling plan is needed only for outbound.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "LIC-05",
    "area": "LIC",
    "title": "Users who handle calls (agents) and users who are AC transfer or consultation targets need `Teams Phone Standard`",
    "statement": "Users who handle calls (agents) and users who are AC transfer or consultation targets need `Teams Phone Standard`.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "LIC-06",
    "area": "LIC",
    "title": "Older documentation describes the source-service requirement for Direct Routing trunks as `Microsoft 365 E1/E3` + `Phone System`, or `Microsoft 365 E5`",
    "statement": "Older documentation describes the source-service requirement for Direct Routing trunks as `Microsoft 365 E1/E3` + `Phone System`, or `Microsoft 365 E5`.",
    "sources": [
      "https://help.luware.com/nimbus/latest/usage-of-nimbus/attendant-console/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "LIC-07",
    "area": "LIC",
    "title": "Nimbus user licenses are separate from service tiers: a per-user CC license (dashboards, duty states, skills, supervision), an Attendant Console license and an Assistant license",
    "statement": "Nimbus user licenses are separate from service tiers: a per-user CC license (dashboards, duty states, skills, supervision), an Attendant Console license and an Assistant license.",
    "sources": [
      "https://luware.helpjuice.com/user-administration",
      "https://luware.helpjuice.com/assistant-category/assistant"
    ],
    "inferred": false
  },
  {
    "id": "XFER-01",
    "area": "XFER",
    "title": "Transfers between Nimbus services need no additional license",
    "statement": "Transfers between Nimbus services need no additional license.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-02",
    "area": "XFER",
    "title": "For PSTN transfers, Nimbus uses the PSTN license of the first service that answered the call and creates the transfer session from that service",
    "statement": "For PSTN transfers, Nimbus uses the PSTN license of the first service that answered the call and creates the transfer session from that service; this binding survives internal service-to-service transfers.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "XFER-03",
    "area": "XFER",
    "title": "If the first service has no PSTN license, a later PSTN transfer fails even when the current service is licensed",
    "statement": "If the first service has no PSTN license, a later PSTN transfer fails even when the current service is licensed; the workflow follows the Exit announcement route and the service session outcome is \"Transfer failed\".",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "XFER-04",
    "area": "XFER",
    "title": "A safe transfer to a service only verifies that the target service exists (no check of availability or opening hours)",
    "statement": "A safe transfer to a service only verifies that the target service exists (no check of availability or opening hours); once the target's workflow accepts, the task counts as handled for the source service.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-05",
    "area": "XFER",
    "title": "A safe transfer keeps the transferring user in the session and returns the call to them on failure (no answer, rejection, other error)",
    "statement": "A safe transfer keeps the transferring user in the session and returns the call to them on failure (no answer, rejection, other error).",
    "sources": [
      "https://luware.helpjuice.com/ac-10-category/attendant-safe-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-06",
    "area": "XFER",
    "title": "A blind transfer removes the transferring user from the session",
    "statement": "A blind transfer removes the transferring user from the session; the call is not returned to them.",
    "sources": [
      "https://luware.helpjuice.com/attendant-blind-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-07",
    "area": "XFER",
    "title": "A call transferred to a PSTN number rings for up to 2 minutes if unanswered, and the attendant cannot cancel it",
    "statement": "A call transferred to a PSTN number rings for up to 2 minutes if unanswered, and the attendant cannot cancel it.",
    "sources": [
      "https://help.luware.com/attendant-console-category/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-08",
    "area": "XFER",
    "title": "A direct \"Transfer to Voicemail\" from Attendant Console creates no user session and triggers no user state check",
    "statement": "A direct \"Transfer to Voicemail\" from Attendant Console creates no user session and triggers no user state check.",
    "sources": [
      "https://luware.helpjuice.com/reporting-category/reporting-examples"
    ],
    "inferred": false
  },
  {
    "id": "XFER-09",
    "area": "XFER",
    "title": "During a consultation the user can Transfer (user freed at once), Conference (three-way), Swap (toggle who is on hold) or Hangup and Retrieve",
    "statement": "During a consultation the user can Transfer (user freed at once), Conference (three-way), Swap (toggle who is on hold) or Hangup and Retrieve.",
    "sources": [
      "https://help.luware.com/ac-10-category/attendant-consultation-call"
    ],
    "inferred": false
  },
  {
    "id": "XFER-10",
    "area": "XFER",
    "title": "Custom context parameters are handed over on safe and blind transfers to users or services",
    "statement": "Custom context parameters are handed over on safe and blind transfers to users or services; consultation calls do not transfer session context.",
    "sources": [
      "https://help.luware.com/attendant-service-transfer"
    ],
    "inferred": false
  },
  {
    "id": "XFER-11",
    "area": "XFER",
    "title": "A service session ends when the customer hangs up or when the service ends the task or transfers it to another service",
    "statement": "A service session ends when the customer hangs up or when the service ends the task or transfers it to another service; the target service opens a new service session in the same unified conversation.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "XFER-12",
    "area": "XFER",
    "title": "`Transfer on User Exit` moves the customer to a configured target service when the last Nimbus user ends the call, only if consent was recorded by a `Record Consent` activity",
    "statement": "`Transfer on User Exit` moves the customer to a configured target service when the last Nimbus user ends the call, only if consent was recorded by a `Record Consent` activity; consent defaults to Not Granted; the activity is skipped in consultation calls to a service; DTMF in the target needs a PSTN number on the target.",
    "sources": [
      "https://help.luware.com/en_US/service-administration-category/transfer-on-user-exit"
    ],
    "inferred": false
  },
  {
    "id": "REP-01",
    "area": "REP",
    "title": "Every service session ends with exactly one outcome from the static dimension \"Service Session Outcomes\"",
    "statement": "Every service session ends with exactly one outcome from the static dimension \"Service Session Outcomes\"; each outcome belongs to one outcome group (2.9).",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-02",
    "area": "REP",
    "title": "`Customer Hangup Before Accept` applies when the customer hangs up before the session passed the workflow's `Accept` activity",
    "statement": "`Customer Hangup Before Accept` applies when the customer hangs up before the session passed the workflow's `Accept` activity.",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-03",
    "area": "REP",
    "title": "`Customer Hangup In Ivr` = hung up before ever being queued",
    "statement": "`Customer Hangup In Ivr` = hung up before ever being queued; `Customer Hangup In Queue` = hung up while queued; `Customer Hangup In Ivr After Queue` = hung up in IVR after having been queued.",
    "sources": [
      "https://help.luware.com/historic-reporting-category/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-04",
    "area": "REP",
    "title": "`User Accepted` covers a user-connected task, including a consultation call without merge or transfer, and External Tasks",
    "statement": "`User Accepted` covers a user-connected task, including a consultation call without merge or transfer, and External Tasks.",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-05",
    "area": "REP",
    "title": "When a user transfers a task, the service session outcome follows the outcome of the last user session (\"last outcome\" rule)",
    "statement": "When a user transfers a task, the service session outcome follows the outcome of the last user session (\"last outcome\" rule).",
    "sources": [
      "https://luware.helpjuice.com/reporting-category/reporting-examples"
    ],
    "inferred": false
  },
  {
    "id": "REP-06",
    "area": "REP",
    "title": "Mapping examples: A transfers to B and B accepts -> A `Transferred Internally`, B `Accepted`, service `User Internal Transfer Success`",
    "statement": "Mapping examples: A transfers to B and B accepts -> A `Transferred Internally`, B `Accepted`, service `User Internal Transfer Success`; A blind-transfers and B ignores -> A `Internal Transfer Failed`, B `Cancelled`, service `User Internal Transfer Failed`; A safe-transfers, B declines, customer then hangs up -> A `Accepted`, B `Declined`, service `User Accepted`; consultation to a Nimbus service -> `Transferred Internally` / `Accepted` / internal success; consultation to a PSTN number -> A `Transferred Externally`, no user session for the target, service `User External Transfer Success`.",
    "sources": [
      "https://luware.helpjuice.com/reporting-category/reporting-examples"
    ],
    "inferred": false
  },
  {
    "id": "REP-07",
    "area": "REP",
    "title": "A unified conversation can contain several service sessions (one per service context traversed)",
    "statement": "A unified conversation can contain several service sessions (one per service context traversed).",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "REP-08",
    "area": "REP",
    "title": "`IsUnderSla` is true when the task's queue time is below the service's configured SLA time",
    "statement": "`IsUnderSla` is true when the task's queue time is below the service's configured SLA time.",
    "sources": [
      "https://help.luware.com/facts-columns-data-types"
    ],
    "inferred": false
  },
  {
    "id": "REP-09",
    "area": "REP",
    "title": "Outcome group, MeansHandled and HandledText are computed in the Power BI template, not delivered by the OData feed",
    "statement": "Outcome group, MeansHandled and HandledText are computed in the Power BI template, not delivered by the OData feed.",
    "sources": [
      "https://help.luware.com/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "REP-10",
    "area": "REP",
    "title": "Historical data is available through OData for up to 24 months",
    "statement": "Historical data is available through OData for up to 24 months.",
    "sources": [
      "https://luware.helpjuice.com/reporting-category/nimbus-reporting"
    ],
    "inferred": false
  },
  {
    "id": "REP-11",
    "area": "REP",
    "title": "Task type is a reporting dimension with values such as `Inbound Service` and `Inbound Direct`",
    "statement": "Task type is a reporting dimension with values such as `Inbound Service` and `Inbound Direct`.",
    "sources": [
      "https://help.luware.com/historic-reporting-category/nimbus-reporting-model"
    ],
    "inferred": false
  },
  {
    "id": "REP-12",
    "area": "REP",
    "title": "For users with TP, ACW time is absent from KPI calculations",
    "statement": "For users with TP, ACW time is absent from KPI calculations.",
    "sources": [
      "https://help.luware.com/task-parallelization"
    ],
    "inferred": false
  },
  {
    "id": "REP-13",
    "area": "REP",
    "title": "My Sessions colours each entry by outcome: green accepted, red declined, yellow RONA, grey abandoned by the caller before answer",
    "statement": "My Sessions colours each entry by outcome: green accepted, red declined, yellow RONA, grey abandoned by the caller before answer.",
    "sources": [
      "https://help.luware.com/my-sessions"
    ],
    "inferred": false
  },
  {
    "id": "TASK-01",
    "area": "TASK",
    "title": "A live task is in exactly one state: `Establishing`, `In IVR`, `In Queue`, `Ringing`, `Connected`, `Parked`, `Transferring`, `Dialing Out`, `In IVR After Queue`, `In ACW`, `Terminated` or `Blocked`",
    "statement": "A live task is in exactly one state: `Establishing`, `In IVR`, `In Queue`, `Ringing`, `Connected`, `Parked`, `Transferring`, `Dialing Out`, `In IVR After Queue`, `In ACW`, `Terminated` or `Blocked`.",
    "sources": [
      "https://luware.helpjuice.com/operations-category/service-operations"
    ],
    "inferred": false
  },
  {
    "id": "TASK-02",
    "area": "TASK",
    "title": "`Terminated` = the call is over on the reporting side but the task was not cleaned up",
    "statement": "`Terminated` = the call is over on the reporting side but the task was not cleaned up; `Blocked` = task not cleaned up and no related call can be found; both are error states an administrator can remove.",
    "sources": [
      "https://luware.helpjuice.com/operations-category/service-operations"
    ],
    "inferred": false
  },
  {
    "id": "TASK-03",
    "area": "TASK",
    "title": "`In IVR After Queue` is used when a task leaves the queue and goes back into workflow/IVR steps",
    "statement": "`In IVR After Queue` is used when a task leaves the queue and goes back into workflow/IVR steps.",
    "sources": [
      "https://help.luware.com/historic-reporting-category/static-dimensions"
    ],
    "inferred": false
  },
  {
    "id": "TASK-04",
    "area": "TASK",
    "title": "Administrators can delete stuck tasks from the service task list",
    "statement": "Administrators can delete stuck tasks from the service task list.",
    "sources": [
      "https://help.luware.com/nimbus/latest/administration/service-administration"
    ],
    "inferred": false
  },
  {
    "id": "WF-01",
    "area": "WF",
    "title": "`Accept` is mandatory, must connect directly to the Start node, and marks the task \"Accepted by System\" for reporting and KPIs",
    "statement": "`Accept` is mandatory, must connect directly to the Start node, and marks the task \"Accepted by System\" for reporting and KPIs.",
    "sources": [
      "https://help.luware.com/workflow-activities-category/conversation-handling-activities"
    ],
    "inferred": false
  },
  {
    "id": "WF-02",
    "area": "WF",
    "title": "`Accept` and `Disconnect` form the opening and closing brackets of a workflow",
    "statement": "`Accept` and `Disconnect` form the opening and closing brackets of a workflow.",
    "sources": [
      "https://help.luware.com/workflow-activities-category/conversation-handling-activities"
    ],
    "inferred": false
  },
  {
    "id": "WF-03",
    "area": "WF",
    "title": "`Announcement` requires a preceding `Accept` and plays text-to-speech or an audio resource",
    "statement": "`Announcement` requires a preceding `Accept` and plays text-to-speech or an audio resource.",
    "sources": [
      "https://help.luware.com/workflow-activities-category/conversation-handling-activities"
    ],
    "inferred": false
  },
  {
    "id": "WF-04",
    "area": "WF",
    "title": "`Availability Based Routing` needs no predecessor (it can run before Accept) and has three exits chosen from the target service's current availability, which depends on that service's user assignment type",
    "statement": "`Availability Based Routing` needs no predecessor (it can run before Accept) and has three exits chosen from the target service's current availability, which depends on that service's user assignment type.",
    "sources": [
      "https://luware.helpjuice.com/check-activities"
    ],
    "inferred": false
  },
  {
    "id": "WF-05",
    "area": "WF",
    "title": "The `Queue` activity sets the distribution type and the RONA timeout (max ring time)",
    "statement": "The `Queue` activity sets the distribution type and the RONA timeout (max ring time); `Queue Task` and `Transfer` to a user also carry a RONA timeout.",
    "sources": [
      "https://luware.helpjuice.com/rona"
    ],
    "inferred": false
  },
  {
    "id": "WF-06",
    "area": "WF",
    "title": "A failed PSTN transfer caused by the first-service license rule leaves the workflow through the Exit announcement route",
    "statement": "A failed PSTN transfer caused by the first-service license rule leaves the workflow through the Exit announcement route.",
    "sources": [
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "WF-07",
    "area": "WF",
    "title": "`Voice Message` is recorded by the Nimbus Media Bot and is not available in Outbound with Workflow",
    "statement": "`Voice Message` is recorded by the Nimbus Media Bot and is not available in Outbound with Workflow.",
    "sources": [
      "https://help.luware.com/service-provisioning-category/nimbus-app-permissions",
      "https://help.luware.com/call-on-behalf"
    ],
    "inferred": false
  },
  {
    "id": "WF-08",
    "area": "WF",
    "title": "`Record Consent` stores the customer's consent for a purpose such as Transfer on User Exit",
    "statement": "`Record Consent` stores the customer's consent for a purpose such as Transfer on User Exit; without it consent is Not Granted.",
    "sources": [
      "https://help.luware.com/en_US/service-administration-category/transfer-on-user-exit"
    ],
    "inferred": false
  },
  {
    "id": "WF-09",
    "area": "WF",
    "title": "Activities that use text-to-speech rely on Microsoft engines",
    "statement": "Activities that use text-to-speech rely on Microsoft engines; an outdated voice selection keeps working until changed.",
    "sources": [
      "https://help.luware.com/workflow-activities"
    ],
    "inferred": false
  },
  {
    "id": "PERM-01",
    "area": "PERM",
    "title": "Each user grants the delegated permissions in 2.17 for themselves",
    "statement": "Each user grants the delegated permissions in 2.17 for themselves; Basic Search, Exchange Contacts Search and Calendar View are required for productive work.",
    "sources": [
      "https://help.luware.com/user-preferences-portal-category/nimbus-user-permissions"
    ],
    "inferred": false
  },
  {
    "id": "PERM-02",
    "area": "PERM",
    "title": "A user who has not consented keeps only basic Teams call handling (accept, hold), cannot use attendant functions, and is not shown in other users' Contact Search",
    "statement": "A user who has not consented keeps only basic Teams call handling (accept, hold), cannot use attendant functions, and is not shown in other users' Contact Search.",
    "sources": [
      "https://help.luware.com/nimbus/latest/usage-of-nimbus/user-settings/required-user-permissions"
    ],
    "inferred": false
  },
  {
    "id": "PERM-03",
    "area": "PERM",
    "title": "The Nimbus app reads users, team memberships, roles, group memberships and presence via Microsoft Graph using app-only and delegated permissions",
    "statement": "The Nimbus app reads users, team memberships, roles, group memberships and presence via Microsoft Graph using app-only and delegated permissions.",
    "sources": [
      "https://help.luware.com/service-provisioning-category/nimbus-app-permissions"
    ],
    "inferred": false
  },
  {
    "id": "PERM-04",
    "area": "PERM",
    "title": "The Calling Bot handles all service calls and call-related workflow actions",
    "statement": "The Calling Bot handles all service calls and call-related workflow actions; the Media Bot records voice messages and produces transcriptions.",
    "sources": [
      "https://help.luware.com/nimbus/latest/service-provisioning/required-app-permissions.html"
    ],
    "inferred": false
  },
  {
    "id": "PERM-05",
    "area": "PERM",
    "title": "Extended presence tracking needs the application permission `Presence.Read.All`, granted by a tenant administrator",
    "statement": "Extended presence tracking needs the application permission `Presence.Read.All`, granted by a tenant administrator.",
    "sources": [
      "https://help.luware.com/administration-use-cases-category/use-case-tracking-extended-user-presence-via-application-permission"
    ],
    "inferred": false
  }
];
