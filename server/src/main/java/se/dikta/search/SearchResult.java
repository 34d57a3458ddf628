package se.dikta.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of hits with the total and the facet counts over all hits (not just the page).
 *
 * @param sectionFacets per section key: how many hits match the query within that section (without query
 *        text: how many hits have that section), so choosing the section as a filter yields that count
 * @param templateFacets per template: how many hits use it
 */
public record SearchResult(long total, int page, int size, List<Hit> hits, Map<String, Integer> sectionFacets,
        Map<String, Integer> templateFacets) {

    public SearchResult {
        hits = List.copyOf(hits);
        sectionFacets = Map.copyOf(sectionFacets);
        templateFacets = Map.copyOf(templateFacets);
    }

    /**
     * @param snippet HTML: the matching passages with matches in {@code <mark>}, everything else escaped
     * @param score relevance score, NaN when sorted by date
     */
    public record Hit(String id, String caseId, LocalDate date, String author, String template, String status,
            String snippet, float score) {}
}
