using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Data.CompiledModel;

/// <summary>
/// Written by hand beside the generated compiled model (the rest of this folder comes from
/// <c>scripts/compile-model.sh</c>). EF Core cannot generate code for query filters, so the model is
/// generated without them and the tenant filter is put back here, on the same types and with the
/// same expression as <see cref="AppDbContext"/>'s OnModelCreating gives it.
/// </summary>
public partial class AppDbContextModel
{
    partial void Customize()
    {
        // A filter names the context whose FilterTenantId it reads; EF Core reads it from the
        // querying context, so this instance only stands for the type and is never used.
        var context = Expression.Constant(
            new AppDbContext(new DbContextOptions<AppDbContext>()));
        foreach (var type in ((IReadOnlyModel)this).GetEntityTypes().Where(AppDbContext.IsTenantFiltered))
        {
            // The collection and filter types are EF Core's own, public but outside its compatibility
            // promise; CompiledModelTests compares the filters with those of a built model.
#pragma warning disable EF1001
            ((RuntimeEntityType)type).AddAnnotation(CoreAnnotationNames.QueryFilter,
                new QueryFilterCollection([new RuntimeQueryFilter(null!, AppDbContext.TenantFilter(type.ClrType, context))]));
#pragma warning restore EF1001
        }
    }
}
