using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Visits;

/// <summary>
/// Files visits on the "visit" chain: host unit head → global relations officer → (security officer
/// on an open screening hit) → director → (leader from important guests) → (FAO for state-level
/// guests). The case's applicant is the user who filed the visit; the filer and the host contact
/// cannot decide on it (<see cref="VisitCases"/>).
/// </summary>
public sealed class VisitApproval(AppDbContext db, WorkflowEngine engine, TimeProvider clock, IEnumerable<IVisitScreening> screenings)
{
    public const string NotSubmittableMessage = "Only a draft or a visit returned for revision can be submitted; this visit is {0}.";

    /// <summary>What the chain's conditions read: the VIP level, an open screening hit, the size;
    /// city approval is asked for state-level guests (the FAO step's own threshold decides).</summary>
    public static CaseFacts Facts(Visit visit, bool screeningHit) => new(
        ScreeningHit: screeningHit,
        VipLevel: (int)visit.VipLevel,
        Size: visit.Members.Count,
        CityApproval: visit.VipLevel >= VipLevel.StateLevel);

    /// <summary>What the authority reads to decide: number, host unit, dates, VIP level, the size and
    /// leader of the delegation and where it comes from, the purpose. No passports, budget or gifts.</summary>
    public static string Summary(Visit visit, string? unitName)
    {
        var members = visit.Members.OrderBy(m => m.SortOrder).ToList();
        var leader = members.FirstOrDefault(m => m.IsLeader) ?? members.FirstOrDefault();
        var organisations = string.Join("; ", members.Select(m => $"{m.Organisation} ({m.Nationality})").Distinct());
        var lines = new[]
        {
            $"No. {visit.Number} · Inbound visit · {VisitLabels.Of(visit.VipLevel)}",
            $"Host: {unitName}",
            $"{visit.ArrivalDate:yyyy-MM-dd} – {visit.DepartureDate:yyyy-MM-dd}",
            $"Delegation of {members.Count}{(leader is null ? "" : $", led by {leader.NameLatin}{(leader.NameZh is { } zh ? " " + zh : "")}{(leader.Title is { } t ? ", " + t : "")}")}",
            organisations,
            $"{visit.Purpose}",
        };
        var text = string.Join("\n", lines);
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>Screens the delegation's organisations and says whether a hit is open.</summary>
    public async Task<bool> ScreenAsync(Visit visit, CancellationToken ct)
    {
        var hit = false;
        foreach (var screening in screenings)
        {
            hit |= await screening.ScreenAsync(visit, ct);
        }
        return hit;
    }

    /// <summary>
    /// Submits a saved, checked visit: a draft gets its number and a new case; a returned visit is
    /// resubmitted on its case. The visit's state follows its case in the same save.
    /// </summary>
    public async Task<WorkflowResult> SubmitAsync(Guid visitId, Guid userId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var visit = await db.Set<Visit>().Include(v => v.Members).SingleAsync(v => v.Id == visitId, ct);
            var facts = Facts(visit, await ScreenAsync(visit, ct));
            if (visit.State == VisitState.Returned && visit.CaseId is { } caseId)
            {
                var returned = await db.Set<WorkflowCase>().AsNoTracking().SingleAsync(x => x.Id == caseId, ct);
                visit.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
                return await engine.DecideAsync(caseId, new CaseDecision(WorkflowAction.Resubmit, userId, returned.Step, returned.Version,
                    NewFacts: facts), ct);
            }
            if (visit.State != VisitState.Draft)
            {
                return new WorkflowResult(DecisionStatus.Conflict, NotSubmittableMessage, Guid.Empty, CaseState.InProgress, 0, 0);
            }
            visit.Number ??= await NextNumberAsync(ct);
            visit.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
            var unit = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Id == visit.UnitId)
                .Select(u => u.NameZh + " " + u.NameEn).FirstOrDefaultAsync(ct);
            var c = await engine.StageAsync(new StartCase(CaseTypes.Visit, $"{visit.Number} {visit.Title}", visit.FiledByUserId, visit.UnitId,
                facts, Summary(visit, unit), $"/Visits/Details/{visit.Id}", visit.Id), ct);
            visit.CaseId = c.Id;
            try
            {
                await db.SaveChangesAsync(ct);
                return WorkflowEngine.Result(c);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another visit took the same number in the meantime: count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Numbers run per tenant and year of filing: VIS-2026-0001, VIS-2026-0002 ...</summary>
    private async Task<string> NextNumberAsync(CancellationToken ct)
    {
        var prefix = $"VIS-{VisitsSetup.Today(clock).Year}-";
        var last = await db.Set<Visit>().Where(v => v.Number != null && v.Number.StartsWith(prefix))
            .OrderByDescending(v => v.Number).Select(v => v.Number).FirstOrDefaultAsync(ct);
        var n = last is not null && int.TryParse(last[prefix.Length..], out var k) ? k + 1 : 1;
        return prefix + n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Keeps visits in step with their cases, and names the people of a visit.</summary>
public sealed class VisitCases(AppDbContext db, TimeProvider clock) : IWorkflowSubject
{
    public bool Handles(string caseType) => caseType == CaseTypes.Visit;

    public async Task OnMovedAsync(WorkflowCase c, CancellationToken ct)
    {
        if (c.SubjectId is not { } id)
        {
            return;
        }
        var visit = db.Set<Visit>().Local.FirstOrDefault(v => v.Id == id)
            ?? await db.Set<Visit>().IgnoreQueryFilters().FirstOrDefaultAsync(v => v.Id == id && v.TenantId == c.TenantId, ct);
        // A visit withdrawn or cancelled meanwhile stays so.
        if (visit is null || visit.State is VisitState.Withdrawn or VisitState.Cancelled)
        {
            return;
        }
        visit.CaseId = c.Id;
        visit.State = c.State switch
        {
            CaseState.Returned => VisitState.Returned,
            CaseState.Rejected => VisitState.Rejected,
            CaseState.Approved => VisitState.Approved,
            _ => VisitState.InReview,
        };
        if (c.IsClosed)
        {
            visit.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        }
    }

    /// <summary>The filer and the host contact are part of the visit and do not decide on it.</summary>
    public async Task<IReadOnlyCollection<Guid>> InvolvedUsersAsync(WorkflowCase c, CancellationToken ct)
    {
        var visit = await db.Set<Visit>().IgnoreQueryFilters().AsNoTracking().Where(v => v.Id == c.SubjectId)
            .Select(v => new { v.FiledByUserId, v.HostContactId, v.TenantId }).FirstOrDefaultAsync(ct);
        if (visit is null)
        {
            return [];
        }
        var users = visit.HostContactId is { } contact
            ? await db.Set<AppUser>().IgnoreQueryFilters().Where(u => u.TenantId == visit.TenantId && u.StaffMemberId == contact)
                .Select(u => u.Id).ToListAsync(ct)
            : [];
        users.Add(visit.FiledByUserId);
        return users;
    }
}
