using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Auditing;
using Waishi.Web.Platform.Identity;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Data;

/// <summary>
/// The one database context. Reads of tenant-owned rows are filtered to the current tenant; writes
/// are checked against it; every save bumps versions of edited rows and appends the audit entries
/// of the change and the new <see cref="ChangeStamp"/>s of the areas it touched in the same transaction.
/// </summary>
/// <remarks>
/// Contexts are pooled (<see cref="DatabaseSetup.AddWaishiDatabase"/>): a request leases one and
/// <see cref="Bind"/> gives it the request's tenant, actor and clock, so a context carries nothing of
/// the request before. Outside the pool (tests, tools) a context starts unbound: no tenant, no actor,
/// the system clock.
/// </remarks>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityUserContext<AppUser, Guid>(options)
{
    private TenantContext tenant = new();
    private Actor actor = new();
    private TimeProvider clock = TimeProvider.System;

    internal TenantContext Tenant => tenant;
    internal Actor Actor => actor;
    internal TimeProvider Clock => clock;

    /// <summary>Gives the context the scope's tenant, actor and clock (on every lease from the pool).</summary>
    public AppDbContext Bind(TenantContext tenant, Actor actor, TimeProvider clock)
    {
        this.tenant = tenant;
        this.actor = actor;
        this.clock = clock;
        return this;
    }

    // Read by the query filters; EF evaluates it per query, so one model serves every tenant. Null
    // in system scope (no filter), else the tenant acted for (Guid.Empty, matching nothing, when none).
    private Guid? FilterTenantId => tenant.IsSystem ? null : tenant.TenantId ?? Guid.Empty;

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Set only by the generator of the compiled SQLite model (<c>scripts/compile-model.sh</c>): EF Core
    /// cannot write query filters into a compiled model, so it is generated without them and
    /// <c>CompiledModel/AppDbContextModel.Filters.cs</c> adds them back when it loads.
    /// </summary>
    internal bool WithoutQueryFilters { get; init; }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => TenantTerm.Register(optionsBuilder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so that the database stays readable and reordering is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsSqlite())
        {
            // The registry search walks this index in name order with the text searched (migration
            // PartnerSearch). Not on PostgreSQL: a B-tree entry there is limited to about 2.7 KB,
            // and a record with many names in many languages would not fit.
            builder.Entity<Features.Ror.RorOrganisation>().HasIndex(r => new { r.DisplayName, r.RorId, r.SearchText });
            // The same for a tenant's partner list (migration PartnerListSearch).
            builder.Entity<Features.Partners.Partner>().HasIndex(p => new { p.TenantId, p.NameEn, p.Id, p.SearchText, p.City });
        }

        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null).ToList())
        {
            if (typeof(IVersioned).IsAssignableFrom(type.ClrType))
            {
                builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
            if (IsTenantFiltered(type))
            {
                builder.Entity(type.ClrType).HasOne(typeof(Tenant)).WithMany()
                    .HasForeignKey(nameof(ITenantOwned.TenantId)).OnDelete(DeleteBehavior.Restrict);
                if (!WithoutQueryFilters)
                {
                    builder.Entity(type.ClrType).HasQueryFilter(TenantFilter(type.ClrType, Expression.Constant(this)));
                }
                // Updates and deletes also match the tenant the row was loaded with, so a detached
                // copy claiming another tenant's id changes nothing.
                builder.Entity(type.ClrType).Property(nameof(ITenantOwned.TenantId)).IsConcurrencyToken();
            }
        }
    }

    /// <summary>The entity types that carry the tenant filter: the roots of tenant-owned types.</summary>
    internal static bool IsTenantFiltered(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType type) =>
        type.BaseType is null && typeof(ITenantOwned).IsAssignableFrom(type.ClrType);

    /// <summary>The tenant filter of a tenant-owned type; <paramref name="context"/> is any
    /// <see cref="AppDbContext"/> constant, which EF Core swaps for the querying context.</summary>
    internal static LambdaExpression TenantFilter(Type entityType, Expression context)
    {
        // e => EF.Parameter(FilterTenantId) == null || TenantTerm.OfTenant((Guid?)((ITenantOwned)e).TenantId == FilterTenantId)
        // EF.Parameter keeps the null test in SQL ("@id IS NULL") instead of turning it into a
        // boolean parameter; EF Core then folds it with the parameter's value when it makes the
        // command (one cached for null, one for a value): a tenant's query reads "TenantId = @id",
        // so indexes that start with TenantId serve it, and a system query has no tenant condition.
        // "@system OR TenantId = @id" kept SQLite from using TenantId-first indexes.
        // The tenant's condition goes through TenantTerm.OfTenant: "likelihood(TenantId = @id, 0.25)" on SQLite.
        var e = Expression.Parameter(entityType, "e");
        var filterTenant = Expression.Property(context, nameof(FilterTenantId));
        var parameter = Expression.Call(typeof(EF), nameof(EF.Parameter), [typeof(Guid?)], filterTenant);
        var body = Expression.OrElse(
            Expression.Equal(parameter, Expression.Constant(null, typeof(Guid?))),
            Expression.Call(TenantTerm.OfTenantMethod,
                Expression.Equal(Expression.Convert(Expression.Property(e, nameof(ITenantOwned.TenantId)), typeof(Guid?)), filterTenant)));
        return Expression.Lambda(body, e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        WriteRules.Apply(this);
        var changes = AuditCapture.Capture(ChangeTracker);
        var stamped = ChangeStamps.Touched(ChangeTracker);
        if (changes.Count == 0 && stamped.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var added = new List<AuditEntry>();
        try
        {
            if (changes.Count > 0)
            {
                added = await AuditChain.AppendAsync(this, changes, cancellationToken);
            }
            await ChangeStamps.TouchAsync(this, stamped, cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return count;
        }
        catch
        {
            // Leave the context as the caller had it: the audit rows of a failed save must not
            // ride along with a later one.
            foreach (var entry in added)
            {
                Entry(entry).State = EntityState.Detached;
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(CancellationToken.None);
            }
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
