namespace Waishi.Web.Platform.Demo.Scale;

/// <summary>
/// One module's share of a generated city. Generators are discovered through DI and run in
/// <see cref="Order"/> after the organisation (tenants, units, staff, accounts) exists; a module
/// adds its own with one line in its setup:
/// <c>services.AddScaleGenerator&lt;VisitScaleGenerator&gt;();</c>
/// A generator must be deterministic: draw every random choice from <see cref="ScaleContext.Random"/>
/// (its own stream, so adding a generator never changes another's rows), take dates from
/// <see cref="ScaleContext.AsOf"/> rather than the clock, and ids from <see cref="ScaleRandom.NextId"/>.
/// Write rows in batches with <see cref="ScaleContext.NewBatch"/>; never hold all rows in memory.
/// </summary>
public interface IScaleGenerator
{
    /// <summary>Short name, also the name of its random stream and of its count setting (e.g. "visits").</summary>
    string Name { get; }

    /// <summary>Generators run in ascending order; the built-in ones use 100 (trips), 200 (partners
    /// and agreements). Use a later number when you need their rows.</summary>
    int Order { get; }

    Task GenerateAsync(ScaleContext context, CancellationToken ct);
}

public static class ScaleGeneratorRegistration
{
    public static IServiceCollection AddScaleGenerator<T>(this IServiceCollection services) where T : class, IScaleGenerator
    {
        services.AddTransient<IScaleGenerator, T>();
        return services;
    }
}
