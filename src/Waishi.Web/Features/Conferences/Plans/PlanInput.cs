using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Conferences.Plans;

/// <summary>A unit's plan as typed: its planned conferences and a note.</summary>
public sealed class PlanInput
{
    public sealed class ItemRow
    {
        public string? Title { get; set; }
        public string? ApproximateDates { get; set; }
        public int? ExpectedParticipants { get; set; }
        public int? ForeignParticipants { get; set; }
        public string? CoOrganisers { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(ApproximateDates)
            && ExpectedParticipants is null && ForeignParticipants is null && string.IsNullOrWhiteSpace(CoOrganisers);
    }

    public long Version { get; set; }
    public string? Notes { get; set; }
    public List<ItemRow>? Items { get; set; }

    public static PlanInput From(ConferencePlan plan) => new()
    {
        Version = plan.Version, Notes = plan.Notes,
        Items = [.. plan.Items.OrderBy(i => i.SortOrder).Select(i => new ItemRow
        {
            Title = i.Title, ApproximateDates = i.ApproximateDates, ExpectedParticipants = i.ExpectedParticipants,
            ForeignParticipants = i.ForeignParticipants, CoOrganisers = i.CoOrganisers,
        })],
    };

    public List<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ConferenceInput.Check(errors, nameof(Notes), Notes, 2000);
        Items = [.. (Items ?? []).Where(i => !i.IsBlank)];
        for (var i = 0; i < Items.Count; i++)
        {
            var row = Items[i];
            var field = $"{nameof(Items)}[{i}]";
            if (string.IsNullOrWhiteSpace(row.Title))
            {
                errors.Add(new($"{field}.{nameof(ItemRow.Title)}", "Enter the title of the planned conference."));
            }
            ConferenceInput.Check(errors, $"{field}.{nameof(ItemRow.Title)}", row.Title, 300);
            ConferenceInput.Check(errors, $"{field}.{nameof(ItemRow.ApproximateDates)}", row.ApproximateDates, 100);
            ConferenceInput.Check(errors, $"{field}.{nameof(ItemRow.CoOrganisers)}", row.CoOrganisers, 1000);
            if (row.ExpectedParticipants is not { } total || total < 1 || total > 1_000_000)
            {
                errors.Add(new($"{field}.{nameof(ItemRow.ExpectedParticipants)}", "Enter the expected number of participants, from 1 to 1,000,000."));
            }
            if (row.ForeignParticipants is not { } foreign || foreign < 0)
            {
                errors.Add(new($"{field}.{nameof(ItemRow.ForeignParticipants)}", "Enter the expected number of foreign participants, 0 or more."));
            }
            else if (row.ExpectedParticipants is { } all && foreign > all)
            {
                errors.Add(new($"{field}.{nameof(ItemRow.ForeignParticipants)}", "The foreign participants ({0}) cannot be more than all participants ({1}).", foreign, all));
            }
        }
        return errors;
    }

    /// <summary>Replaces the plan's note and items (a tracked or new plan). The caller saves.</summary>
    public void ApplyTo(AppDbContext db, ConferencePlan plan)
    {
        var tracked = db.Entry(plan).State != Microsoft.EntityFrameworkCore.EntityState.Detached;
        if (tracked)
        {
            db.RemoveRange(plan.Items);
        }
        plan.Notes = ConferenceInput.Clean(Notes);
        plan.Items = [.. (Items ?? []).Select((r, i) => new ConferencePlanItem
        {
            PlanId = plan.Id, Title = r.Title!.Trim(), ApproximateDates = ConferenceInput.Clean(r.ApproximateDates),
            ExpectedParticipants = r.ExpectedParticipants!.Value, ForeignParticipants = r.ForeignParticipants!.Value,
            CoOrganisers = ConferenceInput.Clean(r.CoOrganisers), SortOrder = i,
        })];
        if (tracked)
        {
            db.AddRange(plan.Items);
            db.Entry(plan).Property(p => p.Version).IsModified = true;
        }
    }
}
