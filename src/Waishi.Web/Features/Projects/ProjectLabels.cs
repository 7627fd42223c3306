namespace Waishi.Web.Features.Projects;

/// <summary>English labels (localisation keys) of the project enums, and the funding sources the form suggests.</summary>
public static class ProjectLabels
{
    public static readonly IReadOnlyList<string> FundingSuggestions =
    [
        "NSFC", "MOST", "Ministry of Education", "University", "Partner", "EU Horizon Europe", "Industry", "Municipal government",
    ];

    public static string Of(ProjectKind kind) => kind switch
    {
        ProjectKind.JointResearch => "Joint research project",
        ProjectKind.JointLaboratory => "Joint laboratory or platform",
        ProjectKind.JointCentre => "Joint centre",
        _ => "Other",
    };

    public static string Of(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "Planned",
        ProjectStatus.Active => "Active",
        ProjectStatus.Completed => "Completed",
        ProjectStatus.Suspended => "Suspended",
        ProjectStatus.Terminated => "Terminated",
        _ => status.ToString(),
    };

    public static string Of(InvestigatorSide side) => side == InvestigatorSide.Ours ? "Our side" : "Partner side";

    public static string Of(ProjectOutputKind kind) => kind switch
    {
        ProjectOutputKind.Publication => "Publication",
        ProjectOutputKind.Patent => "Patent",
        ProjectOutputKind.Event => "Event",
        _ => "Other",
    };

    public static string Of(ProjectDocumentKind kind) => kind switch
    {
        ProjectDocumentKind.Contract => "Contract",
        ProjectDocumentKind.Report => "Report",
        _ => "Other",
    };
}
