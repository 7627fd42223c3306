using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Conferences;

/// <summary>
/// Files applications on the conference chain: head of the organising unit, global relations
/// officer, (security officer on an open screening hit of the co-organisers, <see cref="ConferenceScreening"/>),
/// director, and the FAO when the city's rules apply (<see cref="CaseFacts.CityApproval"/>).
/// The case's summary is all of the application the authority reads; its attachments it opens
/// through the referred-conference page.
/// </summary>
public sealed class ConferenceApproval(AppDbContext db, WorkflowEngine engine, TimeProvider clock, IEnumerable<IConferenceScreening> screenings)
{
    public const string NotSubmittableMessage = "Only a draft or an application returned for revision can be submitted.";

    public static CaseFacts Facts(Conference c, bool screeningHit = false) =>
        new(ScreeningHit: screeningHit, Size: c.ExpectedParticipants, CityApproval: c.CityApproval);

    /// <summary>Screens the co-organisers and says whether a hit is open (or a true match).</summary>
    public async Task<bool> ScreenAsync(Conference c, CancellationToken ct)
    {
        var hit = false;
        foreach (var screening in screenings)
        {
            hit |= await screening.ScreenAsync(c, ct);
        }
        return hit;
    }

    /// <summary>What the authority reads: the application's terms, the reasons for city approval, nothing else of the institution.</summary>
    public static string Summary(Conference c, string unit, IReadOnlyList<string> cityReasons)
    {
        var countries = string.Join(", ", c.Expected.Select(x => $"{x.CountryCode} {x.Count}"));
        var lines = new List<string>
        {
            $"No. {c.Number} · {c.TitleEn}{(c.TitleZh is { } zh ? " · " + zh : "")}",
            $"{c.StartDate:yyyy-MM-dd} – {c.EndDate:yyyy-MM-dd}, {c.Venue}, {c.City}",
            $"Organised by {unit}",
            $"Participants: {c.ExpectedParticipants}, foreign: {c.ExpectedForeign}{(countries.Length > 0 ? " (" + countries + ")" : "")}",
        };
        if (c.CoOrganisers.Count > 0)
        {
            lines.Add("Co-organisers: " + string.Join("; ", c.CoOrganisers.OrderBy(o => o.SortOrder).Select(o => o.Name)));
        }
        if (c.Topics is { } topics)
        {
            lines.Add("Topics: " + topics);
        }
        if (c.BudgetTotal is { } budget)
        {
            lines.Add($"Budget: {budget.ToString("#,0.00", CultureInfo.InvariantCulture)} {c.BudgetCurrency}");
        }
        if (c.ForeignNgo)
        {
            lines.Add($"Foreign NGO: {c.NgoName} ({c.NgoFilingNote})");
        }
        if (c.IsLate)
        {
            lines.Add("Filed late: " + c.LateJustification);
        }
        if (cityReasons.Count > 0)
        {
            lines.Add("City approval: " + string.Join("; ", cityReasons));
        }
        var text = string.Join("\n", lines);
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>
    /// Submits a saved application: a draft gets its number and a new case; a returned one is
    /// resubmitted on its case. The lead time is checked again on the day of submission.
    /// </summary>
    public async Task<(WorkflowResult? Result, FieldError? Error)> SubmitAsync(Guid id, Guid userId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var c = await ConferenceWriter.LoadAsync(db, id, tracking: true, ct);
            if (c is null || c.State is not (ConferenceState.Draft or ConferenceState.Returned))
            {
                return (null, new FieldError("", NotSubmittableMessage));
            }
            var policy = await ConferencePolicy.LoadAsync(db, ct);
            var today = TripsSetup.Today(clock);
            if (ConferenceRules.LeadTime(c, policy, today) is { } late)
            {
                return (null, late);
            }
            ConferenceRules.Stamp(c, policy, today);
            c.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
            var unit = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Id == c.UnitId)
                .Select(u => u.NameZh + " · " + u.NameEn).FirstOrDefaultAsync(ct) ?? "";
            var reasons = ConferenceRules.CityReasons(c, policy);
            var facts = Facts(c, await ScreenAsync(c, ct));
            if (c.State == ConferenceState.Returned && c.CaseId is { } caseId)
            {
                var returned = await db.Set<WorkflowCase>().SingleAsync(x => x.Id == caseId, ct);
                returned.Summary = Summary(c, unit, reasons);
                returned.Title = $"{c.Number} {c.TitleEn}";
                var result = await engine.DecideAsync(caseId, new CaseDecision(WorkflowAction.Resubmit, userId, returned.Step, returned.Version,
                    NewFacts: facts), ct);
                return (result, null);
            }
            c.Number ??= await NextNumberAsync(today.Year, ct);
            var staged = await engine.StageAsync(new StartCase(CaseTypes.Conference, $"{c.Number} {c.TitleEn}", c.FiledByUserId, c.UnitId,
                facts, Summary(c, unit, reasons), $"/Conferences/Details/{c.Id}", c.Id), ct);
            c.CaseId = staged.Id;
            try
            {
                await db.SaveChangesAsync(ct);
                return (WorkflowEngine.Result(staged), null);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another application took the same number in the meantime: count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>CONF-2026-0001, CONF-2026-0002 ... per tenant and year of first submission.</summary>
    private async Task<string> NextNumberAsync(int year, CancellationToken ct)
    {
        var prefix = $"CONF-{year}-";
        var last = await db.Set<Conference>().Where(c => c.Number != null && c.Number.StartsWith(prefix))
            .OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(ct);
        var n = last is not null && int.TryParse(last[prefix.Length..], out var k) ? k + 1 : 1;
        return prefix + n.ToString("D4", CultureInfo.InvariantCulture);
    }
}

/// <summary>Keeps applications in step with their cases and tells the filer of the final decision.</summary>
public sealed class ConferenceCases(AppDbContext db, TimeProvider clock) : IWorkflowSubject
{
    public bool Handles(string caseType) => caseType == CaseTypes.Conference;

    public async Task OnMovedAsync(WorkflowCase c, CancellationToken ct)
    {
        if (c.SubjectId is not { } id)
        {
            return;
        }
        var conference = db.Set<Conference>().Local.FirstOrDefault(x => x.Id == id)
            ?? await db.Set<Conference>().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id && x.TenantId == c.TenantId, ct);
        if (conference is null)
        {
            return;
        }
        conference.CaseId = c.Id;
        conference.State = c.State switch
        {
            CaseState.Returned => ConferenceState.Returned,
            CaseState.Rejected => ConferenceState.Rejected,
            CaseState.Approved => ConferenceState.Approved,
            _ => ConferenceState.Submitted,
        };
        if (c.State == CaseState.Approved)
        {
            conference.ApprovedUtc = clock.GetUtcNow().UtcDateTime;
        }
    }

    /// <summary>The filer cannot decide on their own application; nobody else is part of it.</summary>
    public Task<IReadOnlyCollection<Guid>> InvolvedUsersAsync(WorkflowCase c, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<Guid>>([]);
}
