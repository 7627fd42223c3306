using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Features.Conferences;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Trips;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Conferences;

/// <summary>The form of an application that passes every check by default: a three-day conference of
/// 120 people (30 foreign) in the applicant's college, starting six months from today.</summary>
public static class ConferenceForms
{
    public static DateOnly Today => TripsSetup.Today(TimeProvider.System);

    public static Dictionary<string, string> Complete(Guid unitId, DateOnly? start = null, string title = "Symposium on vehicle dynamics",
        int participants = 120, int foreign = 30) => new()
    {
        ["Form.Version"] = "0",
        ["Form.TitleEn"] = title,
        ["Form.TitleZh"] = "车辆动力学研讨会",
        ["Form.StartDate"] = (start ?? Today.AddMonths(6)).ToString("yyyy-MM-dd"),
        ["Form.EndDate"] = (start ?? Today.AddMonths(6)).AddDays(2).ToString("yyyy-MM-dd"),
        ["Form.Venue"] = "Huxi campus, lecture hall 1",
        ["Form.City"] = "Chongqing",
        ["Form.UnitId"] = unitId.ToString(),
        ["Form.ExpectedParticipants"] = participants.ToString(),
        ["Form.ExpectedForeign"] = foreign.ToString(),
        ["Form.Countries[0].CountryCode"] = "DE",
        ["Form.Countries[0].Count"] = Math.Min(foreign, 10).ToString(),
        ["Form.CoOrganisers[0].Name"] = "Technical University of Munich",
        ["Form.Topics"] = "Vehicle dynamics, autonomous driving",
        ["Form.BudgetTotal"] = "250000",
        ["Form.BudgetCurrency"] = "CNY",
        ["Form.SensitiveTopics"] = "false",
        ["Form.ForeignNgo"] = "false",
    };

    /// <summary>Posts the create form; "submit" files it on its chain at once.</summary>
    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, Dictionary<string, string> fields, string then = "save")
    {
        fields["Then"] = then;
        return client.PostFormAsync("/Conferences/Create", "/Conferences/Create", fields);
    }

    public static async Task<Conference> CreatedAsync(AppFactory app, HttpClient client, Dictionary<string, string> fields, string then = "save")
    {
        var response = await CreateAsync(client, fields, then);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await app.WithDbAsync(db => db.Set<Conference>().Include(c => c.Countries).Include(c => c.CoOrganisers)
            .OrderByDescending(c => c.CreatedUtc).FirstAsync());
    }

    public static Task<Conference> ReloadAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<Conference>().Include(c => c.Countries).Include(c => c.CoOrganisers).AsSplitQuery().SingleAsync(c => c.Id == id));

    public static Task<Guid> UnitAsync(AppFactory app, string code = "CQU-ME") =>
        app.WithDbAsync(db => db.Set<OrgUnit>().Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    /// <summary>Runs <paramref name="work"/> with the app's database and notifier, tenant filters lifted (as the jobs run).</summary>
    public static async Task<T> AsJobAsync<T>(AppFactory app, Func<AppDbContext, Notifier, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<Notifier>());
    }
}
