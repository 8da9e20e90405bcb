using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Custody;

/// <summary>
/// The one meaning of "overdue" behind every figure (home page, dashboard, overdue list, search's custody facet):
/// a passport released and not back by its due-back date, whoever it belongs to. A leaver's passport that is
/// still out is still the office's to recover, so leavers count too.
/// </summary>
public static class OverduePassports
{
    public static IQueryable<Passport> Among(IQueryable<Passport> passports, DateOnly today) =>
        passports.Where(p => p.CustodyStatus == CustodyStatus.Released && p.DueBackOn < today);
}
