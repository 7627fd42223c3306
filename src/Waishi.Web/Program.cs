using Waishi.Web.Platform;
using Waishi.Web.Platform.Cli;

// One executable: without a verb it serves the web app; with one (migrate, demo, audit verify,
// backup, user …) it runs that command against the same configuration and exits.
var (verb, hostArgs) = CommandLine.Split(args);

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddWaishi();

var app = builder.Build();
app.UseWaishi();

if (verb.Length > 0)
{
    return await CommandLine.RunAsync(app, verb);
}

await app.RunAsync();
return 0;

public partial class Program;
