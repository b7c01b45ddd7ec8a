package com.sellavie.conversation.channel;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/channels}: the current business's channels (tenant from the access token). */
@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final ChannelService service;

    ChannelController(ChannelService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChannelView connect(@Valid @RequestBody ConnectChannelRequest request) {
        return ChannelView.of(service.connect(request));
    }

    @GetMapping
    List<ChannelView> list() {
        return service.list().stream().map(ChannelView::of).toList();
    }
}
