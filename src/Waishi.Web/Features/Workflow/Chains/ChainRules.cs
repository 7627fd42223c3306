using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Workflow.Chains;

/// <summary>One row of the chain editor; a row without a role is left out.</summary>
public sealed class StepInput
{
    public int Order { get; set; }
    public string? Role { get; set; }
    public StepScope Scope { get; set; }
    public StepCondition Condition { get; set; }
    public int? Threshold { get; set; }
    public int DeadlineDays { get; set; } = 5;
}

/// <summary>What makes a chain usable: known roles that fit their scope, sensible deadlines and
/// thresholds, at least one step.</summary>
public static class ChainRules
{
    public const int MaxRows = 30;

    public static readonly string[] AuthorityRoles = [Roles.FaoOfficer, Roles.FaoDirector];

    public static List<FieldError> Check(IReadOnlyList<StepInput> rows)
    {
        var errors = new List<FieldError>();
        if (rows.Count > MaxRows)
        {
            return [new("", "A chain has at most 30 steps.")];
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.Role))
            {
                continue;
            }
            var field = $"Steps[{i}]";
            if (row.Scope == StepScope.Authority ? !AuthorityRoles.Contains(row.Role) : !Roles.Institution.Contains(row.Role) || row.Role is Roles.Student or Roles.Applicant)
            {
                errors.Add(new($"{field}.Role", "Choose a role that can decide this step: an office role of the institution, or the FAO officer or director for an authority step."));
            }
            if (row.Scope == StepScope.ApplicantUnit && !Roles.UnitScoped.Contains(row.Role))
            {
                errors.Add(new($"{field}.Scope", "Only unit roles (unit head, unit secretary) can act for the applicant's unit; choose the whole institution instead."));
            }
            if (row.DeadlineDays is < 1 or > 365)
            {
                errors.Add(new($"{field}.DeadlineDays", "Enter a deadline between 1 and 365 days."));
            }
            if (row.Condition is StepCondition.VipLevelAtLeast or StepCondition.SizeOver && row.Threshold is not (>= 0 and <= 10000))
            {
                errors.Add(new($"{field}.Threshold", "This condition needs a threshold between 0 and 10,000."));
            }
        }
        if (!rows.Any(r => !string.IsNullOrWhiteSpace(r.Role)))
        {
            errors.Add(new("", "A chain needs at least one step."));
        }
        return errors;
    }

    /// <summary>The rows with a role, in the order given (ties keep the rows' order), as steps 1..n.</summary>
    public static List<StepDefinition> ToSteps(IReadOnlyList<StepInput> rows) =>
        [.. rows.Select((r, i) => (Row: r, Index: i))
            .Where(x => !string.IsNullOrWhiteSpace(x.Row.Role))
            .OrderBy(x => x.Row.Order).ThenBy(x => x.Index)
            .Select((x, n) => new StepDefinition(n + 1, x.Row.Role!.Trim(), x.Row.Scope, x.Row.Condition,
                x.Row.Condition is StepCondition.VipLevelAtLeast or StepCondition.SizeOver ? x.Row.Threshold : null, x.Row.DeadlineDays))];
}
