namespace Waishi.Web.Features.Trips;

/// <summary>The English names of the trip enums; each is also the key of its translation.</summary>
public static class TripLabels
{
    public static string Of(TripType type) => type switch
    {
        TripType.Conference => "Conference",
        TripType.ResearchCooperation => "Research cooperation",
        TripType.Training => "Training",
        TripType.VisitingScholar => "Visiting scholar",
        TripType.StudyVisit => "Study visit",
        TripType.HongKongMacao => "Hong Kong/Macao",
        TripType.Taiwan => "Taiwan",
        _ => type.ToString(),
    };

    public static string Of(TripState state) => state switch
    {
        TripState.Draft => "Draft",
        TripState.Submitted => "In review",
        TripState.Returned => "Returned for revision",
        TripState.Publicity => "In publicity",
        TripState.Approved => "Approved",
        TripState.Rejected => "Rejected",
        TripState.Withdrawn => "Withdrawn",
        _ => state.ToString(),
    };

    public static string Of(AmendmentState state) => state switch
    {
        AmendmentState.InReview => "In review",
        AmendmentState.Returned => "Returned for revision",
        AmendmentState.Approved => "Approved",
        AmendmentState.Rejected => "Rejected",
        _ => state.ToString(),
    };

    public static string Of(DelegationRole role) => role switch
    {
        DelegationRole.Leader => "Leader",
        DelegationRole.Member => "Member",
        DelegationRole.Interpreter => "Interpreter",
        DelegationRole.Secretary => "Secretary",
        _ => role.ToString(),
    };

    public static string Of(BudgetCategory category) => category switch
    {
        BudgetCategory.InternationalTravel => "International travel",
        BudgetCategory.Accommodation => "Accommodation",
        BudgetCategory.Meals => "Meals",
        BudgetCategory.LocalTransport => "Local transport",
        BudgetCategory.RegistrationFees => "Registration fees",
        BudgetCategory.VisaFees => "Visa fees",
        BudgetCategory.Insurance => "Insurance",
        BudgetCategory.Other => "Other",
        _ => category.ToString(),
    };
}
