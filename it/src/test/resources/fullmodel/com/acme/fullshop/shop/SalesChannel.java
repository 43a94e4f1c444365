package com.acme.fullshop.shop;

/** Where a price applies; a map key stored by name. */
public enum SalesChannel { WEB, STORE, MARKETPLACE }
