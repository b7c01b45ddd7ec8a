package com.sellavie.commerce.catalog;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code /api/catalog/products}: the current business's catalog (tenant from the access token).
 * Every member reads it; OWNER and ADMIN change it. Bodies are validated in {@link Catalog}, after the
 * role check, so an AGENT gets 403 and never field errors. A sku may contain '/', so the item paths
 * take the rest of the path as the sku ({@code /api/catalog/products/SHIRT/L}).
 */
@RestController
@RequestMapping("/api/catalog/products")
class ProductController {

    private static final ProductInput EMPTY = new ProductInput(null, null, null, null, null, null, null);

    private final Catalog catalog;

    ProductController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    List<ProductView> list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) Boolean active) {
        return catalog.list(text, active);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<ProductView> create(@RequestBody(required = false) ProductInput input) {
        ProductDetails product = catalog.create(input == null ? EMPTY : input);
        return ResponseEntity.created(location(product.sku())).body(ProductView.of(product));
    }

    @GetMapping("/{*sku}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ProductView get(@PathVariable String sku) {
        return ProductView.of(catalog.get(skuOf(sku)));
    }

    @PutMapping("/{*sku}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<ProductView> put(@PathVariable String sku, @RequestBody(required = false) ProductInput input) {
        Catalog.PutOutcome outcome = catalog.put(skuOf(sku), input == null ? EMPTY : input);
        ProductView view = ProductView.of(outcome.product());
        return outcome.created() ? ResponseEntity.created(location(view.sku())).body(view) : ResponseEntity.ok(view);
    }

    @DeleteMapping("/{*sku}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<Void> delete(@PathVariable String sku) {
        catalog.delete(skuOf(sku));
        return ResponseEntity.noContent().build();
    }

    /** {@code {*sku}} captures the rest of the path with its leading '/'. */
    private static String skuOf(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }

    private static URI location(String sku) {
        return URI.create("/api/catalog/products/" + UriUtils.encodePath(sku, java.nio.charset.StandardCharsets.UTF_8));
    }
}
