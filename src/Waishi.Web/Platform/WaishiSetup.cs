using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Waishi.Web.Features.TravelDocuments;
using Waishi.Web.Features.TripReports;
using Waishi.Web.Features.Trips;
using Waishi.Web.Features.Visas;
using Waishi.Web.Platform.Api;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Demo;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Jobs;
using Waishi.Web.Platform.Localization;
using Waishi.Web.Platform.Notifications;
using Waishi.Web.Platform.Tenancy;
using Waishi.Web.Platform.Web;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Platform;

/// <summary>Composition of the platform and of every module. Each area registers itself.</summary>
public static class WaishiSetup
{
    public static WebApplicationBuilder AddWaishi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<Actor>();
        services.AddWaishiDatabase(builder.Environment.ContentRootPath);
        // Sign-in cookies and antiforgery tokens are protected with keys kept in one directory:
        // instances behind a load balancer point DataProtection:KeysPath at the same shared one.
        var keysPath = Path.Combine(builder.Environment.ContentRootPath, configuration["DataProtection:KeysPath"] ?? Path.Combine("data", "keys"));
        services.AddDataProtection()
            .SetApplicationName("Waishi")
            .PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        services.AddWaishiIdentity();
        services.AddWaishiProxy(configuration);
        services.AddWaishiLocalization();
        // First of the hosted services: the others (outbox dispatcher, job scheduler) start only
        // once the database is migrated and seeded.
        services.AddHostedService<DatabaseStartup>();
        services.AddWaishiNotifications(configuration);
        services.AddWaishiJobs(configuration);
        services.AddWaishiDemo(configuration);
        services.AddScoped<Navigation>();
        services.AddWaishiApi();
        services.AddSingleton(configuration.GetSection("Lists").Get<Api.ListOptions>() ?? new Api.ListOptions());
        services.AddWaishiWorkflow();
        Features.OutboundPlans.OutboundPlansSetup.AddWaishiOutboundPlans(services);
        services.AddWaishiTrips();
        services.AddWaishiTravelDocuments();
        services.AddWaishiVisas();
        services.AddWaishiTripReports();
        services.AddWaishiDocuments();
        Features.Partners.PartnersSetup.AddWaishiPartners(services);
        Features.PartnerStats.PartnerStatsSetup.AddWaishiPartnerStats(services);
        Features.Agreements.AgreementLifecycleSetup.AddWaishiAgreementLifecycle(services);
        Features.Projects.ProjectsSetup.AddWaishiProjects(services);
        Features.Agreements.AgreementsSetup.AddWaishiAgreements(services);
        services.AddSingleton<Features.DueDiligence.Screening.ScreeningIndexCache>();
        Features.DueDiligence.DueDiligenceSetup.AddWaishiDueDiligence(services);
        Features.DueDiligence.Reviews.ReviewsSetup.AddWaishiScreeningReviews(services);
        Features.Conferences.ConferencesSetup.AddWaishiConferences(services);
        Features.Visits.VisitsSetup.AddWaishiVisits(services);
        Features.DueDiligence.Overview.OverviewSetup.AddWaishiDueDiligenceOverview(services);
        Features.DueDiligence.Watchlists.WatchlistImportSetup.AddWaishiWatchlistImports(services);
        Features.Visits.Letters.VisitDocsSetup.AddWaishiVisitDocuments(services);

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                PageConventions.Apply(o.Conventions);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "waishi.csrf";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddOpenApi("v1");
        services.AddProblemDetails();
        services.AddHealthChecks();
        // Chinese text is written as characters, not as &#x...; escapes (halves the size of a Chinese page).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
#if WAISHI_BENCH
        Bench.RawEndpoints.AddRawEndpoints(services);
#endif
        return builder;
    }

    public static WebApplication UseWaishi(this WebApplication app)
    {
        // First, so that everything after sees the client's address and scheme behind a proxy.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseMiddleware<ApiErrorsMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<RequestContextMiddleware>();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.SignedIn);
        Api.ApiRoutes.Map(app);
        Features.TripCalendar.CalendarFeed.Map(app);
        Features.Visits.Calendar.VisitFeed.Map(app);
#if WAISHI_BENCH
        // Only in the benchmark build (-p:WaishiBench=true): see Platform/Bench.
        Bench.RawEndpoints.Map(app);
#endif
        return app;
    }
}
