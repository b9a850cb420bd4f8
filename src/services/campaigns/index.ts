// The campaigns service: campaigns, their questions and position events, tallies and blocs, one verb per file.
export * from "./campaign.ts";
export { WORLD, scopeOfBloc } from "./bloc-scope.ts";
export { blocMembersOn, type BlocMembersView } from "./bloc-members.ts";
export { campaignById } from "./campaign-by-id.ts";
export { campaignChanges, type ChangesQuery, type PositionChangeView } from "./campaign-changes.ts";
export { countryOfInput } from "./country-input.ts";
export { createCampaign, insertCampaign, NewCampaignSchema, type NewCampaign } from "./create-campaign.ts";
export { listBlocs, type BlocSummary } from "./list-blocs.ts";
export { listCampaigns } from "./list-campaigns.ts";
export { assertMayRecord, RECORDING_ROLES, type Recorder } from "./may-record.ts";
export { KOSOVO_CAMPAIGN, preloadKosovoCampaign } from "./preload-kosovo-campaign.ts";
export { recordPosition, type NewPosition } from "./record-position.ts";
export { tallyCampaign, type TallyQuery, type TallyView } from "./tally-campaign.ts";
export { listSuggestions, suggestionView, type PositionSuggestionView } from "./list-suggestions.ts";
export { suggestionId } from "./suggestion-id.ts";
export {
  draftSuggestions,
  releaseDraftSuggestions,
  suggestFromDraft,
  type DraftSuggestionView,
} from "./draft-suggestions.ts";
export { confirmSuggestion, dismissSuggestion } from "./decide-suggestion.ts";
export { campaignTaskings, type TaskingStatus, type TaskingView } from "./campaign-taskings.ts";
export { tieTasking, type TieTaskingProps } from "./tie-tasking.ts";
