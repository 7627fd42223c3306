namespace Waishi.Web.Features.DueDiligence.Reviews;

/// <summary>English labels (keys of their translations) of review states and subject types.</summary>
public static class ReviewLabels
{
    public static string Of(ScreeningReviewState state) => state switch
    {
        ScreeningReviewState.Open => "Open",
        ScreeningReviewState.TrueMatch => "True match",
        ScreeningReviewState.FalsePositive => "False positive",
        _ => "No longer a hit",
    };

    public static string Subject(string type) => type switch
    {
        ScreeningSubjects.Partner => "Partner",
        ScreeningSubjects.Trip => "Trip",
        ScreeningSubjects.Visit => "Inbound visit",
        ScreeningSubjects.Conference => "International conference",
        _ => type,
    };

    public static string? Link(ScreeningReview r) => r.SubjectType switch
    {
        ScreeningSubjects.Partner => $"/Partners/Details/{r.SubjectId}",
        ScreeningSubjects.Trip => $"/Trips/Details/{r.SubjectId}",
        ScreeningSubjects.Visit => $"/Visits/Details/{r.SubjectId}",
        ScreeningSubjects.Conference => $"/Conferences/Details/{r.SubjectId}",
        _ => null,
    };
}
