using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Cli;

/// <summary>"user add" and "user reset-password": the way in when no administrator can sign in.</summary>
public static class UserCommand
{
    public static Command Create(WebApplication app)
    {
        var command = new Command("user", "Create accounts and reset passwords.");
        command.Subcommands.Add(Add(app));
        command.Subcommands.Add(ResetPassword(app));
        return command;
    }

    private static Command Add(WebApplication app)
    {
        var tenant = new Option<string>("--tenant") { Description = "Code of the user's tenant, e.g. CQU.", Required = true };
        var user = new Option<string>("--user", "--user-name") { Description = "User name (letters, digits and - . _ @ +), unique in the deployment.", Required = true };
        var password = new Option<string>("--password") { Description = "Password: at least 10 characters with a lower-case letter and a digit.", Required = true };
        var displayName = new Option<string>("--display-name") { Description = "Name shown in the header (defaults to the user name)." };
        var role = new Option<string[]>("--role") { Description = "A role to give (repeatable), e.g. tenant-admin." };
        var unit = new Option<string[]>("--unit") { Description = "Limits the --role before it to the org unit with this code (needed for unit-head and unit-secretary)." };
        var command = new Command("add", "Create a user account in a tenant, with roles.") { tenant, user, password, displayName, role, unit };
        command.SetAction(async (parsed, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var (db, users) = Open(scope);
            var code = parsed.GetValue(tenant)!.Trim().ToUpperInvariant();
            var owner = await db.Set<Tenant>().SingleOrDefaultAsync(t => t.Code == code, ct)
                ?? throw new CommandLineException($"--tenant: no tenant has the code '{code}'. Known codes: {string.Join(", ", await db.Set<Tenant>().OrderBy(t => t.Code).Select(t => t.Code).ToListAsync(ct))}.");

            var name = parsed.GetValue(user)!.Trim();
            if (name.Length == 0 || name.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c)))
            {
                throw new CommandLineException($"--user: '{name}' is not a valid user name. Use letters, digits and - . _ @ + only.");
            }
            var normalized = users.NormalizeName(name);
            if (await db.Set<AppUser>().AnyAsync(u => u.NormalizedUserName == normalized, ct))
            {
                throw new CommandLineException($"--user: the user name '{name}' is taken. Choose another, or use 'user reset-password --user {name}' to set its password.");
            }

            var account = new AppUser
            {
                TenantId = owner.Id, UserName = name, NormalizedUserName = normalized,
                DisplayName = parsed.GetValue(displayName)?.Trim() is { Length: > 0 } shown ? shown : name,
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                CreatedUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            await SetPasswordAsync(users, account, parsed.GetValue(password)!);

            var assignments = new List<RoleAssignment>();
            foreach (var (r, unitCode) in RolesInOrder(parsed))
            {
                if (!Roles.For(owner.Kind).Contains(r))
                {
                    throw new CommandLineException($"--role: '{r}' is not a role of {owner.Code}. Roles: {string.Join(", ", Roles.For(owner.Kind))}.");
                }
                if (unitCode is null && Roles.UnitScoped.Contains(r))
                {
                    throw new CommandLineException($"--role {r} is limited to one org unit: add --unit CODE right after it.");
                }
                Guid? unitId = null;
                if (unitCode is not null)
                {
                    unitId = await db.Set<OrgUnit>().Where(u => u.TenantId == owner.Id && u.Code == unitCode.Trim().ToUpperInvariant())
                        .Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct)
                        ?? throw new CommandLineException($"--unit: {owner.Code} has no org unit with the code '{unitCode}'. See the units under Organisation.");
                }
                assignments.Add(new RoleAssignment { TenantId = owner.Id, UserId = account.Id, Role = r, OrgUnitId = unitId });
            }

            // One save: the account and its roles exist together or not at all.
            db.Add(account);
            db.AddRange(assignments);
            await db.SaveChangesAsync(ct);
            var roles = assignments.Count == 0 ? "no roles" : "roles " + string.Join(", ", assignments.Select(a => a.Role));
            await parsed.Out().WriteLineAsync($"Created user {name} in {owner.Code} with {roles}.");
            return 0;
        });
        return command;
    }

    private static Command ResetPassword(WebApplication app)
    {
        var user = new Option<string>("--user", "--user-name") { Description = "User name of the account.", Required = true };
        var password = new Option<string>("--password") { Description = "The new password: at least 10 characters with a lower-case letter and a digit.", Required = true };
        var command = new Command("reset-password", "Set a new password, end the account's sessions and lift a lockout.") { user, password };
        command.SetAction(async (parsed, ct) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var (db, users) = Open(scope);
            var name = parsed.GetValue(user)!.Trim();
            var normalized = users.NormalizeName(name);
            var account = await db.Set<AppUser>().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
                ?? throw new CommandLineException($"--user: no user is named '{name}'. Check the spelling, or create it with 'user add'.");
            await SetPasswordAsync(users, account, parsed.GetValue(password)!);
            account.SecurityStamp = Guid.NewGuid().ToString("N"); // signs the account out everywhere
            account.AccessFailedCount = 0;
            account.LockoutEnd = null;
            await db.SaveChangesAsync(ct);
            await parsed.Out().WriteLineAsync($"Set a new password for {account.UserName}; its sessions have ended.");
            return 0;
        });
        return command;
    }

    private static (AppDbContext Db, UserManager<AppUser> Users) Open(AsyncServiceScope scope)
    {
        // Commands span tenants; the scope (and so this lifted filter) ends with the command.
        _ = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem();
        scope.ServiceProvider.GetRequiredService<Actor>().Set(null, "command line");
        return (scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private static async Task SetPasswordAsync(UserManager<AppUser> users, AppUser account, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, password);
            if (!result.Succeeded)
            {
                throw new CommandLineException($"--password is too weak: {string.Join(" ", result.Errors.Select(e => e.Description))} Choose a longer one with a lower-case letter and a digit.");
            }
        }
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
    }

    /// <summary>The --role values in the order given, each with the --unit that follows it.</summary>
    private static List<(string Role, string? Unit)> RolesInOrder(ParseResult parsed)
    {
        var pairs = new List<(string Role, string? Unit)>();
        var tokens = parsed.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Value == "--role")
            {
                pairs.Add((tokens[++i].Value.Trim(), null));
            }
            else if (tokens[i].Value == "--unit")
            {
                if (pairs.Count == 0 || pairs[^1].Unit is not null)
                {
                    throw new CommandLineException("--unit limits the --role just before it: give it as --role ROLE --unit CODE.");
                }
                pairs[^1] = (pairs[^1].Role, tokens[++i].Value);
            }
        }
        return pairs;
    }
}
