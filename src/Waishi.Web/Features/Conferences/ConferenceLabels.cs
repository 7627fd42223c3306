namespace Waishi.Web.Features.Conferences;

/// <summary>English names of the module's values, also the keys of their translations.</summary>
public static class ConferenceLabels
{
    public static string Of(ConferenceState state) => state switch
    {
        ConferenceState.Draft => "Draft",
        ConferenceState.Submitted => "In review",
        ConferenceState.Returned => "Returned for revision",
        ConferenceState.Approved => "Approved",
        ConferenceState.Rejected => "Rejected",
        _ => state.ToString(),
    };

    public static string Of(ConferenceDocumentKind kind) => kind switch
    {
        ConferenceDocumentKind.Agenda => "Agenda",
        ConferenceDocumentKind.ParticipantList => "Participant list",
        ConferenceDocumentKind.Budget => "Budget",
        _ => "Other",
    };
}
