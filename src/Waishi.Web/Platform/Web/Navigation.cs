using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Web;

/// <summary>A module of the main menu; modules of one <see cref="Group"/> share a drop-down when more than one is shown.</summary>
public sealed record NavItem(string Key, string Text, string Href, string Policy, string? Group = null);

public sealed record NavModel(bool SignedIn, string DisplayName, string TenantName, int Unread, IReadOnlyList<NavItem> Items);

/// <summary>The header of every page: the modules the user's roles allow, and the unread count.</summary>
public sealed class Navigation(IAuthorizationService authorization, AppDbContext db, TenantContext tenant)
{
    /// <summary>Modules in menu order; a module adds its entry here with the policy of its folder.</summary>
    public static readonly List<NavItem> Modules =
    [
        new("home", "Home", "/", Policies.SignedIn),
        new("workflow", "Awaiting me", "/Workflow/Awaiting", Policies.SignedIn),
        new("people", "People", "/People/Staff", Policies.PeopleReader),
        new("units", "Organisation", "/Organisation/Units", Policies.PeopleReader),
        new("trips", "Trips", "/Trips", Policies.Trips, "Outbound"),
        new("trip-calendar", "Trip calendar", "/TripCalendar", Policies.TripCalendar, "Outbound"),
        new("outbound-plans", "Outbound plans", "/OutboundPlans", Policies.OutboundPlans, "Outbound"),
        new("travel-documents", "Travel documents", "/TravelDocuments", Policies.Staff, "Outbound"),
        new("visas", "Visas", "/Visas", Policies.Trips, "Outbound"),
        new("trip-reports", "Trip reports", "/TripReports", Policies.Trips, "Outbound"),
        new("partners", "Partner institutions", "/Partners", Policies.Partners, "Partners"),
        new("ror", "ROR registry", "/Ror", Policies.Staff, "Partners"),
        new("agreements", "Agreements", "/Agreements", Policies.Partners, "Partners"),
        new("agreements-expiring", "Expiring agreements", "/Agreements/Expiring", Policies.Partners, "Partners"),
        new("agreement-mobilities", "Agreement mobilities", "/Agreements/Mobilities", Policies.Partners, "Partners"),
        new("ewp-import", "Import EWP agreements", "/Agreements/Ewp/Import", Policies.EwpImport, "Partners"),
        new("projects", "Cooperation projects", "/Projects", Policies.Partners, "Partners"),
        new("admin", "Administration", "/Admin/Users", Policies.TenantAdmin),
        new("audit", "Audit log", "/Audit", Policies.AuditReader),
        new("partner-stats", "Partner statistics", "/Partners/Statistics", Policies.PartnerStatistics, "Partners"),
        new("due-diligence", "Due-diligence overview", "/DueDiligence", Policies.DueDiligenceOverview, "Due diligence"),
        new("risk-profiles", "Institution risk profiles", "/DueDiligence/Profiles", Features.DueDiligence.DueDiligenceSetup.ReaderPolicy, "Due diligence"),
        new("watchlists", "Watchlists", "/DueDiligence/Watchlists", Features.DueDiligence.DueDiligenceSetup.ReaderPolicy, "Due diligence"),
        new("screening-reviews", "Screening reviews", "/DueDiligence/Reviews", Policies.ScreeningReviews, "Due diligence"),
        new("conferences", "Conference applications", "/Conferences", Policies.Conferences, "Conferences"),
        new("conference-plans", "Conference plans", "/Conferences/Plans", Policies.Conferences, "Conferences"),
        new("conferences-overdue", "Overdue conference summaries", "/Conferences/Overdue", Policies.Conferences, "Conferences"),
        new("conference-referrals", "Referred conferences", "/Conferences/Referred", Policies.ConferenceReferrals, "Conferences"),
        new("visits", "Inbound visits", "/Visits", Features.Visits.VisitsSetup.Policy, "Visits"),
        new("visit-calendar", "Calendar of visits", "/Visits/Calendar", Policies.Staff, "Visits"),
        new("visit-letters", "Invitation letters", "/Visits/Letters", Policies.Partners, "Visits"),
        new("visit-overdue", "Visits with overdue closure", "/Visits/Overdue", Policies.Partners, "Visits"),
    ];

    /// <summary>The visible modules in menu order, the members of a group together at the place of its first.</summary>
    public static List<List<NavItem>> Grouped(IReadOnlyList<NavItem> items)
    {
        var groups = new List<List<NavItem>>();
        foreach (var item in items)
        {
            var group = item.Group is null ? null : groups.FirstOrDefault(g => g[0].Group == item.Group);
            if (group is null)
            {
                groups.Add([item]);
            }
            else
            {
                group.Add(item);
            }
        }
        return groups;
    }

    /// <summary>Whether <paramref name="path"/> lies in the module's folder; the home module only on "/".</summary>
    public static bool IsCurrent(NavItem item, string path)
    {
        if (item.Href == "/")
        {
            return path == "/";
        }
        var folder = "/" + item.Href.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        return path.Equals(folder, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase);
    }

    private int? _unread;

    /// <summary>The user's unread inbox items, counted once per request: the header and the home
    /// page both show it.</summary>
    public async Task<int> UnreadAsync(Guid userId) => _unread ??= await Unread(db, userId);

    // Compiled once: the header of every page counts it.
    private static readonly Func<AppDbContext, Guid, Task<int>> Unread =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId) => db.Set<InboxItem>().Count(i => i.UserId == userId && i.ReadUtc == null));

    public async Task<NavModel> BuildAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.GetUserId() is not { } userId)
        {
            return new NavModel(false, "", "", 0, []);
        }
        var items = new List<NavItem>();
        foreach (var item in Modules)
        {
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                items.Add(item);
            }
        }
        var unread = await UnreadAsync(userId);
        string tenantName;
        if (user.IsLoaded())
        {
            tenantName = user.FindFirstValue(LocalizationSetup.IsChinese ? WaishiClaims.TenantNameZh : WaishiClaims.TenantNameEn) ?? "";
        }
        else
        {
            var tenantRow = await db.Set<Tenant>().AsNoTracking()
                .Where(t => t.Id == tenant.TenantId)
                .Select(t => new { t.NameZh, t.NameEn })
                .FirstOrDefaultAsync();
            tenantName = tenantRow is null ? "" : LocalizationSetup.IsChinese ? tenantRow.NameZh : tenantRow.NameEn;
        }
        return new NavModel(true, user.FindFirstValue(WaishiClaims.DisplayName) ?? user.Identity.Name ?? "", tenantName, unread, items);
    }
}
