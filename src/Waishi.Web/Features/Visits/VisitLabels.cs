namespace Waishi.Web.Features.Visits;

/// <summary>The English names of the visit enums, also their translation keys.</summary>
public static class VisitLabels
{
    public static string Of(VisitState state) => state switch
    {
        VisitState.Draft => "Draft",
        VisitState.InReview => "In review",
        VisitState.Returned => "Returned for revision",
        VisitState.Approved => "Approved",
        VisitState.Rejected => "Rejected",
        VisitState.Withdrawn => "Withdrawn",
        VisitState.Cancelled => "Cancelled",
        VisitState.Closed => "Closed",
        _ => state.ToString(),
    };

    public static string Of(VipLevel level) => level switch
    {
        VipLevel.None => "No VIP level",
        VipLevel.Ordinary => "Ordinary guests",
        VipLevel.Important => "Important guests",
        VipLevel.StateLevel => "State-level guests",
        _ => level.ToString(),
    };

    public static string Of(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Meeting => "Meeting",
        AgendaItemKind.CampusTour => "Campus tour",
        AgendaItemKind.Lecture => "Lecture",
        AgendaItemKind.Banquet => "Banquet",
        _ => "Other",
    };

    public static string Of(VisitBudgetCategory category) => category switch
    {
        VisitBudgetCategory.Accommodation => "Accommodation",
        VisitBudgetCategory.Meals => "Meals",
        VisitBudgetCategory.Banquet => "Banquet",
        VisitBudgetCategory.LocalTransport => "Local transport",
        VisitBudgetCategory.Venue => "Venue",
        VisitBudgetCategory.Interpretation => "Interpretation",
        VisitBudgetCategory.Honorarium => "Honorarium",
        VisitBudgetCategory.Gifts => "Gifts",
        _ => "Other",
    };

    public static string Of(VisitorSex sex) => sex == VisitorSex.Female ? "Female" : "Male";
}
