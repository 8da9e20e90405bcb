using Microsoft.EntityFrameworkCore;

namespace SpecialistRegistry.Features.Roster;

/// <summary>
/// Brings a child list in line with the form's list, row by row: rows kept by id are updated in place,
/// missing ones removed, new ones added — so the audit trail shows what really changed.
/// </summary>
internal static class ListSync
{
    public static void Apply<TEntity, TForm>(DbContext db, List<TEntity> entities, IReadOnlyList<TForm> forms,
        Func<TEntity, Guid> entityId, Func<TForm, Guid?> formId, Func<TForm, TEntity> create, Action<TForm, TEntity> update)
        where TEntity : class
    {
        var kept = forms.Select(formId).OfType<Guid>().ToHashSet();
        foreach (var gone in entities.Where(e => !kept.Contains(entityId(e))).ToList())
        {
            entities.Remove(gone);
            db.Remove(gone);
        }
        foreach (var form in forms)
        {
            var entity = formId(form) is { } id ? entities.SingleOrDefault(e => entityId(e) == id) : null;
            if (entity is null)
            {
                entity = create(form);
                entities.Add(entity);
            }
            update(form, entity);
        }
    }
}
