package com.example.host;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import java.util.ArrayList;
import java.util.List;

/** A host adapter: every client's name, read page by page through the core. */
public final class ClientNames {
  private final UseCases crm;

  public ClientNames(UseCases crm) {
    this.crm = crm;
  }

  public List<String> all(AuthToken token) {
    List<String> names = new ArrayList<>();
    PageRequest page = PageRequest.firstDefault();
    while (true) {
      Page<ClientView> clients = crm.clients().list(token, ClientFilter.ALL, page);
      clients.items().forEach(c -> names.add(c.client().fullName().value()));
      if (!clients.hasNext()) {
        return names;
      }
      page = new PageRequest(clients.nextAfter(), page.limit());
    }
  }
}
