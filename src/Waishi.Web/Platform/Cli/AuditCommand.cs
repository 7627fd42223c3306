using System.CommandLine;

namespace Waishi.Web.Platform.Cli;

public static class AuditCommand
{
    public static Command Create(WebApplication app)
    {
        var command = new Command("audit", "Not yet available.");
        command.SetAction(_ => { Console.Error.WriteLine("error: not yet available"); return 2; });
        return command;
    }
}
