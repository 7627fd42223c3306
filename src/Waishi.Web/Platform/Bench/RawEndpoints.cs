namespace Waishi.Web.Platform.Bench;

/// <summary>
/// The raw endpoints of the benchmark build (<c>-p:WaishiBench=true</c>; a normal build does not
/// compile this folder): for each page the load benchmark measures, the same query through plain
/// ADO.NET, answering the same rows as compact JSON. Anonymous, parameters in the query string;
/// they exist so that <c>bench/run-load.sh</c> can say what a page costs on top of its data.
/// </summary>
public static class RawEndpoints
{
    public static void Map(WebApplication app)
    {
        var raw = app.MapGroup("/bench/raw").AllowAnonymous().DisableAntiforgery();
        raw.MapGet("/trips", RawTrips.PageAsync);
        raw.MapGet("/api/trips", RawTrips.ApiAsync);
        raw.MapGet("/home", RawPages.HomeAsync);
        raw.MapGet("/case/{id:guid}", RawPages.CaseAsync);
        raw.MapGet("/partners", RawPartners.SearchAsync);
        raw.MapGet("/stats", RawPartners.CityAsync);
    }

    public static IServiceCollection AddRawEndpoints(this IServiceCollection services) => services.AddSingleton<RawDatabase>();
}
