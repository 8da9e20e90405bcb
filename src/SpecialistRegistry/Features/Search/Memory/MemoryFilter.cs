using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Search.Memory;

/// <summary>
/// A <see cref="SearchQuery"/>'s facets compiled against the columns: sets become bit masks or lookup tables
/// over the columns' small integer codes, so testing one person is a handful of array reads.
/// Same meaning as <see cref="SearchService.ApplyFacets"/> in SQL.
/// </summary>
internal sealed class MemoryFilter
{
    private readonly bool[]? _firms;
    private readonly int _segments;
    private readonly long _expertise;
    private readonly int _degrees;
    private readonly int _custody;
    private readonly bool _released;
    private readonly bool _overdue;
    private readonly bool _anyCustody;
    private readonly int _flags;
    private readonly bool[]? _nationalities;
    private readonly int _expiringFrom = int.MinValue;
    private readonly int _expiringTo = int.MaxValue;
    private readonly int _hiredAfter = int.MinValue;

    public MemoryFilter(SearchQuery q, DocumentColumns columns, DateOnly today)
    {
        if (q.Firms.Count > 0)
        {
            _firms = new bool[columns.FirmIds.Count];
            foreach (var firm in q.Firms)
            {
                if (columns.FirmIndexOf(firm) is { } i) _firms[i] = true;
            }
        }
        _segments = q.Segments.Aggregate(0, (m, s) => m | 1 << (int)s);
        if (q.Areas.Count > 0 || q.MinLevel is not null)
            _expertise = SearchService.ExpertiseMaskFor(q.Areas, q.MinLevel);
        _degrees = q.Degrees.Aggregate(0, (m, d) => m | SearchDocument.DegreeBit(d));
        _anyCustody = q.Custody.Count > 0;
        foreach (var c in q.Custody)
        {
            switch (c)
            {
                case CustodyFacet.Released: _released = true; break;
                case CustodyFacet.Overdue: _overdue = true; break;
                default: _custody |= 1 << (int)CustodyFacets.Stored(c); break;
            }
        }
        _flags = q.Flags.Aggregate(0, (m, f) => m | 1 << (int)f);
        if (q.Nationalities.Count > 0)
        {
            _nationalities = new bool[columns.Nationalities.Count];
            foreach (var n in q.Nationalities)
            {
                if (columns.NationalityIndexOf(n) is { } i) _nationalities[i] = true;
            }
        }
        if (q.ExpiringWithinDays is { } days)
        {
            _expiringFrom = today.DayNumber;
            _expiringTo = today.AddDays(Math.Clamp(days, 0, 3650)).DayNumber;
        }
        if (q.HiredAfter is { } hired)
            _hiredAfter = hired.DayNumber;
        IsEmpty = _firms is null && _segments == 0 && _expertise == 0 && _degrees == 0 && !_anyCustody && _flags == 0
            && _nationalities is null && q.ExpiringWithinDays is null && q.HiredAfter is null;
    }

    /// <summary>No facet chosen: every document passes.</summary>
    public bool IsEmpty { get; }

    public bool Passes(DocumentColumns c, int id, int today)
    {
        if (_firms is not null && !(c.Firm[id] < _firms.Length && _firms[c.Firm[id]])) return false;
        if (_segments != 0 && (_segments & 1 << c.Segment[id]) == 0) return false;
        if (_expertise != 0 && (c.ExpertiseMask[id] & _expertise) == 0) return false;
        if (_degrees != 0 && (c.DegreeMask[id] & _degrees) == 0) return false;
        if (_anyCustody && !CustodyPasses(c, id, today)) return false;
        if (_flags != 0 && (_flags & 1 << c.FlagState[id]) == 0) return false;
        if (_nationalities is not null && !(c.Nationality[id] < _nationalities.Length && _nationalities[c.Nationality[id]])) return false;
        var expiry = c.ExpiryDay[id];
        if (expiry != DocumentColumns.NoDate ? expiry < _expiringFrom || expiry > _expiringTo : _expiringTo != int.MaxValue) return false;
        return c.HireDay[id] > _hiredAfter;
    }

    private bool CustodyPasses(DocumentColumns c, int id, int today)
    {
        if ((_custody & 1 << c.Custody[id]) != 0)
            return true;
        if (c.Custody[id] != (byte)SearchCustody.Released)
            return false;
        return c.IsOverdue(id, today) ? _overdue : _released;
    }
}
