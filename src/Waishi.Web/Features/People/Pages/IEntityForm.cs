using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.People.Pages;

/// <summary>What a create or edit form of an entity posts: its fields, and the version it was read at.</summary>
public interface IEntityForm<TEntity, TSelf>
    where TEntity : Entity
    where TSelf : IEntityForm<TEntity, TSelf>
{
    /// <summary>The version of the row the form was filled from (0 on a create).</summary>
    long Version { get; }

    /// <summary>The form filled from a stored row.</summary>
    static abstract TSelf From(TEntity entity);

    /// <summary>Copies the posted fields onto the entity (trimmed, blanks as null).</summary>
    void ApplyTo(TEntity entity);
}
